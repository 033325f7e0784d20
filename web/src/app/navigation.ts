// The app's pages: the main navigation lists them in this order (leaders' views first, then the
// raw records, then settings) and App.tsx routes to them. Each page is a chunk of its own, so a
// first visit downloads only the page it opens (ECharts comes with the pages that draw charts).
import { lazyPage } from "./lazyPage.tsx";

export const NAV_ITEMS = [
  { to: "/", label: "Overview", Page: lazyPage(() => import("../pages/OverviewPage.tsx")) },
  { to: "/executive", label: "Executive", Page: lazyPage(() => import("../pages/ExecutivePage.tsx")) },
  { to: "/flaky-tests", label: "Flaky tests", Page: lazyPage(() => import("../pages/FlakyTestsPage.tsx")) },
  { to: "/investment", label: "Investment", Page: lazyPage(() => import("../pages/InvestmentPage.tsx")) },
  { to: "/deployments", label: "Deployments", Page: lazyPage(() => import("../pages/DeploymentsPage.tsx")) },
  { to: "/incidents", label: "Incidents", Page: lazyPage(() => import("../pages/IncidentsPage.tsx")) },
  { to: "/weekly-report", label: "Weekly report", Page: lazyPage(() => import("../pages/WeeklyReportPage.tsx")) },
  { to: "/data-sources", label: "Data sources", Page: lazyPage(() => import("../features/dataSources/DataSourcesPage.tsx")) },
  { to: "/settings", label: "Settings", Page: lazyPage(() => import("../pages/SettingsPage.tsx")) },
] as const;
