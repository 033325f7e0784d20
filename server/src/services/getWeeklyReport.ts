// The weekly health report (product.md "Weekly health report", api.md GET /api/v1/reports/weekly):
// for an ISO week (Monday to Monday in the organisation's time zone) and an optional team, the
// five DORA metrics with level and change from the previous week (the DORA engine's service),
// hours lost by cause with cost, the top 5 flaky tests, the investment balance against target,
// the incidents of the week and the business summaries. Every figure comes from the same services
// as the API's endpoints for that week, so the report and the API agree to the cent.
import type { CostModelUsed, WeeklyReportQueryData } from "@keel/shared";
import type { ReportBlock } from "@keel/shared/reportBlocks";
import type { Db } from "../db/client.ts";
import { incidentsOfWindow } from "../db/queries/costs/changeFailureHours.ts";
import { inputsFor } from "../metrics/costModel.ts";
import { cents } from "../metrics/money.ts";
import type { Summary } from "../metrics/summaries.ts";
import { teamsLastWeek, type TeamsLastWeek } from "../metrics/teamSlipped.ts";
import { cachedCostReport, readVersion } from "./cache/costReports.ts";
import { composeSummaries } from "./costs/composeSummaries.ts";
import type { CostAvoided } from "./costs/costAvoided.ts";
import { getDoraMetrics, type DoraMetrics } from "./getDoraMetrics.ts";
import { getFlakyTests, type FlakyTestFigures, type FlakyTests } from "./getFlakyTests.ts";
import { computeHoursLost, type HoursLost } from "./getHoursLost.ts";
import { getInvestmentBalance, type InvestmentBalance } from "./getInvestmentBalance.ts";
import { getOrgSettings } from "./getOrgSettings.ts";
import { addDays, isoWeekDates, isoWeekOf, localDate, mondayOf, previousIsoWeek } from "@keel/shared/calendar";
import { listGoals, type GoalView } from "./goals/listGoals.ts";
import { reportDocument } from "../reports/reportDocument.ts";

export const REPORT_TOP_FLAKY = 5;
/** "Which team slipped" compares the week with each team's average over this many weeks before. */
export const SLIPPED_BASELINE_WEEKS = 12;

export interface ReportIncident {
  id: string;
  title: string | null;
  severity: string | null;
  service: string | null;
  openedAt: string;
  resolvedAt: string | null;
  recoveryHours: number | null;
  /** The incident's own responders, else the cost model's default. */
  responders: number;
  respondersFromModel: boolean;
  /** Attributed to a deployment (a change failure) by the DORA engine's rules. */
  changeFailure: boolean;
  /** Counted in this week's change-failure hours: a change failure resolved in the week. */
  counted: boolean;
  /** Recovery hours per responder after the 8 h/day cap × responders (0 when not counted). */
  hoursLost: number;
  costUsd: number;
}

export interface WeeklyReport {
  week: string;
  previousWeek: string;
  window: { from: string; to: string };
  timeZone: string;
  team: { slug: string; name: string } | null;
  /** "last week", "this week" or "in 2026-W45": how the sentences name the week. */
  period: string;
  dora: Pick<DoraMetrics, "summary" | "thresholdsYear" | "previousWindow" | "attributionWindowDays">;
  hoursLost: HoursLost["summary"];
  byTeam: HoursLost["byTeam"];
  costAvoided: CostAvoided;
  topFlakyTests: FlakyTestFigures[];
  flaky: Pick<FlakyTests, "total" | "infrastructureOutages" | "brokenTests">;
  investment: Pick<InvestmentBalance, "organisationTarget" | "total" | "teams">;
  incidents: ReportIncident[];
  summaries: Summary[];
  /** Which team slipped this week against its own average (metrics/teamSlipped.ts). */
  slipped: TeamsLastWeek;
  /** Per team, "is the debt allocation paying off" over the 13 weeks ending with this one (metrics/payingOff.ts). */
  payingOff: Summary[];
  costModel: CostModelUsed;
  /** The goals in scope, measured as of the week's end (or now, for the current week): docs/metrics.md "Goals". */
  goals: GoalView[];
}

/** How sentences name the week, relative to now. */
export function periodOf(week: string, now: Date, timeZone: string): string {
  const current = isoWeekOf(mondayOf(localDate(now, timeZone)));
  if (week === current) return "this week";
  if (week === previousIsoWeek(current)) return "last week";
  return `in ${week}`;
}

/** The report's figures and, in `document`, the blocks every format renders (reports/reportDocument.ts). */
export type WeeklyReportAnswer = WeeklyReport & { document: ReportBlock[] };

export async function getWeeklyReport({ db, input, now = new Date() }: { db: Db; input: WeeklyReportQueryData; now?: Date }): Promise<WeeklyReportAnswer> {
  // Kept by data version (cache/costReports.ts). A past week's figures are as of its end; the
  // current week's (or a future one's) are as of now, so they are keyed by now: never served again.
  const version = await readVersion(db);
  const { timeZone } = await getOrgSettings({ db });
  const current = isoWeekOf(mondayOf(localDate(now, timeZone)));
  const key = [input.week, input.team ?? null, periodOf(input.week, now, timeZone), input.week < current ? null : now.getTime()];
  return cachedCostReport(db, version, "weekly-report", key, async () => {
    const report = await computeWeeklyReport(db, input, now, timeZone);
    return { ...report, document: reportDocument(report) };
  });
}

async function computeWeeklyReport(db: Db, input: WeeklyReportQueryData, now: Date, timeZone: string): Promise<WeeklyReport> {
  const { monday, nextMonday } = isoWeekDates(input.week);
  // Dates without an offset are the organisation's local midnight (metrics/window.ts).
  const filters = { from: monday, to: nextMonday, team: input.team, environment: "production" };
  const baselineFrom = addDays(monday, -7 * SLIPPED_BASELINE_WEEKS);
  const [dora, hours, flaky, investment, baseline] = await Promise.all([
    getDoraMetrics({ db, input: { ...filters, bucket: "week" } }),
    computeHoursLost({ db, input: filters, now }),
    getFlakyTests({ db, input: { ...filters, limit: REPORT_TOP_FLAKY }, now }),
    getInvestmentBalance({ db, input: filters, now }),
    getInvestmentBalance({ db, input: { ...filters, from: baselineFrom }, now }),
  ]);
  const { ctx, result } = hours;
  const asOf = new Date(Math.min(now.getTime(), ctx.window.to.getTime()));
  // Every goal as it stands, measured as of the week's end: the 4 full weeks ending with this week.
  const goals = await listGoals(db, { now: asOf, team: input.team });
  const incidentRows = await incidentsOfWindow(db, ctx.q);
  const incidents = incidentRows.map((i): ReportIncident => {
    const m = inputsFor(ctx.model, i.teamId);
    const responders = i.responders ?? m.incidentResponders;
    const counted = i.attributed && i.resolvedAt !== null && i.resolvedAt >= ctx.window.from && i.resolvedAt < ctx.window.to && i.resolvedAt > i.openedAt;
    const hoursLost = counted ? i.cappedHoursPerResponder * responders : 0;
    return {
      id: i.id,
      title: i.title,
      severity: i.severity,
      service: i.serviceSlug,
      openedAt: i.openedAt.toISOString(),
      resolvedAt: i.resolvedAt?.toISOString() ?? null,
      recoveryHours: i.recoveryHours,
      responders,
      respondersFromModel: i.responders === null,
      changeFailure: i.attributed,
      counted,
      hoursLost,
      costUsd: cents(hoursLost * m.loadedHourlyRateUsd),
    };
  });
  const team = input.team ? (ctx.teams.find((t) => t.slug === input.team) ?? null) : null;
  const period = periodOf(input.week, now, timeZone);
  return {
    week: input.week,
    previousWeek: previousIsoWeek(input.week),
    window: result.window,
    timeZone,
    team: team ? { slug: team.slug, name: team.name } : null,
    period,
    dora: {
      summary: dora.summary,
      thresholdsYear: dora.thresholdsYear,
      previousWindow: dora.previousWindow,
      attributionWindowDays: dora.attributionWindowDays,
    },
    hoursLost: result.summary,
    byTeam: result.byTeam,
    costAvoided: result.costAvoided,
    topFlakyTests: flaky.tests,
    flaky: { total: flaky.total, infrastructureOutages: flaky.infrastructureOutages, brokenTests: flaky.brokenTests },
    investment: { organisationTarget: investment.organisationTarget, total: investment.total, teams: investment.teams },
    incidents,
    summaries: composeSummaries({ hours: result, flaky, investment, period, previousPeriod: "the week before" }),
    slipped: teamsLastWeek(baseline.teams, monday),
    payingOff: baseline.teams.map((t) => t.payingOff),
    costModel: result.costModel,
    goals,
  };
}
