// The cost procedures' answers, as the web app receives them (JSON: dates are strings). Derived
// from `type AppRouter` only: no server code reaches the bundle, and a change of shape on the
// server fails the web app's typecheck.
import type { AppRouter } from "@keel/server/src/trpc/router.ts";
import type { inferInput, inferOutput, TRPCOptionsProxy } from "@trpc/tanstack-react-query";

type Api = TRPCOptionsProxy<AppRouter>;

export type CostFiltersQuery = inferInput<Api["costs"]["hoursLost"]>;
export type HoursLostData = inferOutput<Api["costs"]["hoursLost"]>;
export type HoursLostWeekData = HoursLostData["series"][number];
export type SummariesData = inferOutput<Api["costs"]["summaries"]>;
export type SummaryData = SummariesData["summaries"][number];
export type FlakyTestsData = inferOutput<Api["flaky"]["list"]>;
export type FlakyTestData = FlakyTestsData["tests"][number];
export type InvestmentData = inferOutput<Api["investment"]["balance"]>;
export type TeamInvestmentData = InvestmentData["teams"][number];
export type WeeklyReportData = inferOutput<Api["reports"]["weekly"]>;
export type CostModelData = inferOutput<Api["costModel"]["get"]>;
