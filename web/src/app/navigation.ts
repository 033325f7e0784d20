/** The main navigation, in reading order: leaders' views first, then the raw records, then settings. */
export const NAV_ITEMS = [
  { to: "/", label: "Overview" },
  { to: "/executive", label: "Executive" },
  { to: "/flaky-tests", label: "Flaky tests" },
  { to: "/investment", label: "Investment" },
  { to: "/deployments", label: "Deployments" },
  { to: "/incidents", label: "Incidents" },
  { to: "/weekly-report", label: "Weekly report" },
  { to: "/data-sources", label: "Data sources" },
  { to: "/settings", label: "Settings" },
] as const;
