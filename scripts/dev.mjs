// `pnpm dev`: the server restarts on change (tsx watch) and the web app hot-reloads (Vite, with
// /trpc and /api proxied to the server). Open the Vite URL it prints.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const children = [
  spawn("pnpm", ["--filter", "@keel/server", "exec", "tsx", "watch", "--clear-screen=false", "src/cli/run.ts", "start"], {
    cwd: root,
    stdio: "inherit",
  }),
  spawn("pnpm", ["--filter", "@keel/web", "exec", "vite"], { cwd: root, stdio: "inherit" }),
];
const stop = () => children.forEach((child) => child.kill("SIGTERM"));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const child of children)
  child.on("exit", (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
