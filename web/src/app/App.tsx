import { BrowserRouter, Route, Routes } from "react-router";
import { ApiProvider } from "../api/ApiProvider.tsx";
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
const NotFoundPage = lazyPage(() => import("../pages/NotFoundPage.tsx"));

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
