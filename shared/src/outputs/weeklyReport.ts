// The weekly health report's answer (api.md GET /api/v1/reports/weekly, tRPC reports.weekly;
// product.md "Weekly health report"): an ISO week's figures, from the same services as the other
// readings (so their parts are those readings' schemas), and the document every format renders.
// Fields in the order the server writes them: parsing rebuilds each object in the schema's order.
import { z } from "zod";
import { ReportBlock } from "../reportBlocks.ts";
import { CostModelUsed, Named, nullableNumber, Window } from "./common.ts";
import { DoraMetrics } from "./dora.ts";
import { FlakyTests } from "./flakyTests.ts";
import { Goal } from "./goals.ts";
import { CostAvoided, HoursLost } from "./hoursLost.ts";
import { InvestmentBalance } from "./investment.ts";
import { IncidentName } from "./lists.ts";
import { Summary } from "./summary.ts";

const ReportIncident = z.strictObject({
  ...IncidentName.shape,
  service: z.string().nullable(),
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
  recoveryHours: nullableNumber,
  /** The incident's own responders, else the cost model's default. */
  responders: z.number(),
  respondersFromModel: z.boolean(),
  /** Attributed to a deployment (a change failure) by the DORA engine's rules. */
  changeFailure: z.boolean(),
  /** Counted in this week's change-failure hours: a change failure resolved in the week. */
  counted: z.boolean(),
  /** Recovery hours per responder after the 8 h/day cap × responders (0 when not counted). */
  hoursLost: z.number(),
  costUsd: z.number(),
});

/** "Which team slipped last week?" (server/src/metrics/teamSlipped.ts): each team's week against its own average. */
const TeamLastWeek = z.strictObject({
  team: z.string(),
  name: z.string(),
  hours: z.number(),
  costUsd: z.number(),
  /** The week before; null when there is no such week. */
  weekBefore: nullableNumber,
  /** Mean weekly hours over the weeks before; null when there are none. */
  average: nullableNumber,
  /** Hours above (or below, when negative) that average; null without an average. */
  aboveAverage: nullableNumber,
});

export const TeamsLastWeek = z.strictObject({
  /** The Monday (YYYY-MM-DD) of the week compared. */
  lastWeek: z.string(),
  /** Weeks the average is taken over. */
  earlierWeeks: z.number(),
  rows: z.array(TeamLastWeek),
  /** The team furthest above its own average, if any team was above it. */
  slipped: TeamLastWeek.nullable(),
  /** One sentence naming the team that slipped, with its numbers. */
  sentence: z.string(),
  /** How this was computed, in one sentence. */
  howComputed: z.string(),
});
export type TeamsLastWeekData = z.infer<typeof TeamsLastWeek>;

/** The report's figures, which the document is built from (server/src/reports/reportDocument.ts). */
const WeeklyReportFigures = z.strictObject({
  week: z.string(),
  previousWeek: z.string(),
  window: Window,
  timeZone: z.string(),
  team: Named.nullable(),
  /** "last week", "this week" or "in 2026-W45": how the sentences name the week. */
  period: z.string(),
  dora: z.strictObject({
    summary: DoraMetrics.shape.summary,
    thresholdsYear: DoraMetrics.shape.thresholdsYear,
    previousWindow: DoraMetrics.shape.previousWindow,
    attributionWindowDays: DoraMetrics.shape.attributionWindowDays,
  }),
  hoursLost: HoursLost.shape.summary,
  byTeam: HoursLost.shape.byTeam,
  costAvoided: CostAvoided,
  topFlakyTests: FlakyTests.shape.tests,
  flaky: FlakyTests.pick({ total: true, infrastructureOutages: true, brokenTests: true }),
  investment: InvestmentBalance.pick({ organisationTarget: true, total: true, teams: true }),
  incidents: z.array(ReportIncident),
  summaries: z.array(Summary),
  /** Which team slipped this week against its own average. */
  slipped: TeamsLastWeek,
  /** Per team, "is the debt allocation paying off" over the 13 weeks ending with this one (metrics/payingOff.ts). */
  payingOff: z.array(Summary),
  costModel: CostModelUsed,
  /** The goals in scope, measured as of the week's end (or now, for the current week): docs/metrics.md "Goals". */
  goals: z.array(Goal),
});
export type WeeklyReportFiguresData = z.infer<typeof WeeklyReportFigures>;

/** The figures and, in `document`, the blocks every format renders. */
export const WeeklyReport = WeeklyReportFigures.extend({ document: z.array(ReportBlock) });
export type WeeklyReportData = z.infer<typeof WeeklyReport>;
