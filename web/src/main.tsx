import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.tsx";
import "./styles/base.css";
import "./styles/shell.css";
import "./styles/page.css";
import "./styles/states.css";
import "./styles/tables.css";
import "./styles/forms.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
