// The weekly health report (product.md "Weekly health report", api.md GET /api/v1/reports/weekly):
// for an ISO week (Monday to Monday in the organisation's time zone) and an optional team, the
// five DORA metrics with level and change from the previous week (the DORA engine's service),
// hours lost by cause with cost, the top 5 flaky tests, the investment balance against target,
// the incidents of the week and the business summaries. Every figure comes from the same services
// as the API's endpoints for that week, so the report and the API agree to the cent.
import type { WeeklyReportQueryData } from "@keel/shared";
import type { WeeklyReportData, WeeklyReportFiguresData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { incidentsOfWindow } from "../db/queries/costs/changeFailureHours.ts";
import { inputsFor } from "../metrics/costModel.ts";
import { cents } from "../metrics/money.ts";
import { teamsLastWeek } from "../metrics/teamSlipped.ts";
import { cachedCostReport, readVersion } from "./cache/costReports.ts";
import { composeSummaries } from "./costs/composeSummaries.ts";
import { getDoraMetrics } from "./getDoraMetrics.ts";
import { getFlakyTests } from "./getFlakyTests.ts";
import { computeHoursLost } from "./getHoursLost.ts";
import { getInvestmentBalance } from "./getInvestmentBalance.ts";
import { getOrgSettings } from "./getOrgSettings.ts";
import { addDays, isoWeekDates, isoWeekOf, localDate, mondayOf, previousIsoWeek } from "@keel/shared/calendar";
import { listGoals } from "./goals/listGoals.ts";
import { reportDocument } from "../reports/reportDocument.ts";

export const REPORT_TOP_FLAKY = 5;
/** "Which team slipped" compares the week with each team's average over this many weeks before. */
export const SLIPPED_BASELINE_WEEKS = 12;

/** The report's figures; the answer adds the document built from them (shared/src/outputs/weeklyReport.ts). */
export type WeeklyReport = WeeklyReportFiguresData;
export type ReportIncident = WeeklyReport["incidents"][number];

/** How sentences name the week, relative to now. */
export function periodOf(week: string, now: Date, timeZone: string): string {
  const current = isoWeekOf(mondayOf(localDate(now, timeZone)));
  if (week === current) return "this week";
  if (week === previousIsoWeek(current)) return "last week";
  return `in ${week}`;
}

export async function getWeeklyReport({ db, input, now = new Date() }: { db: Db; input: WeeklyReportQueryData; now?: Date }): Promise<WeeklyReportData> {
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
