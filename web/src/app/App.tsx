import { lazy } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { ApiProvider } from "../api/ApiProvider.tsx";
import { Layout } from "./Layout.tsx";

// One chunk per page: a first visit downloads only the page it opens (ECharts comes with the
// pages that draw charts).
const OverviewPage = lazy(() => import("../pages/OverviewPage.tsx"));
const ExecutivePage = lazy(() => import("../pages/ExecutivePage.tsx"));
const FlakyTestsPage = lazy(() => import("../pages/FlakyTestsPage.tsx"));
const InvestmentPage = lazy(() => import("../pages/InvestmentPage.tsx"));
const DeploymentsPage = lazy(() => import("../pages/DeploymentsPage.tsx"));
const IncidentsPage = lazy(() => import("../pages/IncidentsPage.tsx"));
const WeeklyReportPage = lazy(() => import("../pages/WeeklyReportPage.tsx"));
const SettingsPage = lazy(() => import("../pages/SettingsPage.tsx"));
const NotFoundPage = lazy(() => import("../pages/NotFoundPage.tsx"));

export function App() {
  return (
    <ApiProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<OverviewPage />} />
            <Route path="executive" element={<ExecutivePage />} />
            <Route path="flaky-tests" element={<FlakyTestsPage />} />
            <Route path="investment" element={<InvestmentPage />} />
            <Route path="deployments" element={<DeploymentsPage />} />
            <Route path="incidents" element={<IncidentsPage />} />
            <Route path="weekly-report" element={<WeeklyReportPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </ApiProvider>
  );
}
