import { BrowserRouter, Route, Routes } from "react-router";
import { ApiProvider } from "../api/ApiProvider.tsx";
import { ErrorBoundary } from "../components/ErrorBoundary.tsx";
import { AuthGate } from "../features/auth/AuthGate.tsx";
import { Layout } from "./Layout.tsx";
import { lazyPage } from "./lazyPage.tsx";
import { NAV_ITEMS } from "./navigation.ts";

const NotFoundPage = lazyPage(() => import("../pages/NotFoundPage.tsx"));
const SignInPage = lazyPage(() => import("../pages/SignInPage.tsx"));
const SetupPage = lazyPage(() => import("../pages/SetupPage.tsx"));

// Outside the layout, so with a boundary of their own.
const signIn = (
  <ErrorBoundary>
    <SignInPage />
  </ErrorBoundary>
);
const setup = (
  <ErrorBoundary>
    <SetupPage />
  </ErrorBoundary>
);
// Every page but sign-in and setup needs a session (or an anonymous viewer's). Signed out, a page
// shows the sign-in form at its own address, and itself once signed in.
const gatedLayout = (
  <AuthGate signIn={signIn}>
    <Layout />
  </AuthGate>
);

export function App() {
  return (
    <ApiProvider>
      <BrowserRouter>
        <Routes>
          <Route path="sign-in" element={signIn} />
          <Route path="setup" element={setup} />
          <Route element={gatedLayout}>
            {NAV_ITEMS.map(({ to, Page }) =>
              to === "/" ? <Route key={to} index element={<Page />} /> : <Route key={to} path={to.slice(1)} element={<Page />} />,
            )}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </ApiProvider>
  );
}
