import { BrowserRouter, Route, Routes } from "react-router";
import { ApiProvider } from "../api/ApiProvider.tsx";
import { ErrorBoundary } from "../components/ErrorBoundary.tsx";
import { AuthGate } from "../features/auth/AuthGate.tsx";
import { Layout } from "./Layout.tsx";
import { lazyPage } from "./lazyPage.tsx";

// One chunk per page: a first visit downloads only the page it opens (ECharts comes with the
// pages that draw charts).
const OverviewPage = lazyPage(() => import("../pages/OverviewPage.tsx"));
const ExecutivePage = lazyPage(() => import("../pages/ExecutivePage.tsx"));
const FlakyTestsPage = lazyPage(() => import("../pages/FlakyTestsPage.tsx"));
const InvestmentPage = lazyPage(() => import("../pages/InvestmentPage.tsx"));
const DeploymentsPage = lazyPage(() => import("../pages/DeploymentsPage.tsx"));
const IncidentsPage = lazyPage(() => import("../pages/IncidentsPage.tsx"));
const WeeklyReportPage = lazyPage(() => import("../pages/WeeklyReportPage.tsx"));
const SettingsPage = lazyPage(() => import("../pages/SettingsPage.tsx"));
const DataSourcesPage = lazyPage(() => import("../features/dataSources/DataSourcesPage.tsx"));
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
            <Route index element={<OverviewPage />} />
            <Route path="executive" element={<ExecutivePage />} />
            <Route path="flaky-tests" element={<FlakyTestsPage />} />
            <Route path="investment" element={<InvestmentPage />} />
            <Route path="deployments" element={<DeploymentsPage />} />
            <Route path="incidents" element={<IncidentsPage />} />
            <Route path="weekly-report" element={<WeeklyReportPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="data-sources" element={<DataSourcesPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </ApiProvider>
  );
}
