// A goal metric's value for one scope over the goal window (metrics/goalWindow.ts), read from the
// metric services (each cached by data version), so N goals on one scope cost one call per service
// they need, not N. The one place that knows where each goal metric comes from: a new goal metric
// (pull-request cycle time, once it lands) adds its reader to READERS and its entry to GOAL_METRICS.
import type { GoalMetricValue } from "@keel/shared";
import type { Db } from "../../db/client.ts";
import { GOAL_WINDOW_WEEKS } from "../../metrics/goalWindow.ts";
import { getDoraMetrics, type DoraMetrics } from "../getDoraMetrics.ts";
import { getHoursLost, type HoursLost } from "../getHoursLost.ts";
import { getInvestmentBalance, type InvestmentBalance } from "../getInvestmentBalance.ts";

export interface GoalScope {
  team: string | null;
  service: string | null;
}

interface Sources {
  dora: DoraMetrics;
  hours: HoursLost;
  investment: InvestmentBalance;
}
type Source = keyof Sources;

const READERS: { [M in GoalMetricValue]: { source: Source; read: (s: Sources) => number | null } } = {
  leadTime: { source: "dora", read: (s) => s.dora.summary.leadTime.medianHours },
  deploymentFrequency: { source: "dora", read: (s) => s.dora.summary.deploymentFrequency.perDay },
  changeFailureRate: { source: "dora", read: (s) => s.dora.summary.changeFailureRate.rate },
  recoveryTime: { source: "dora", read: (s) => s.dora.summary.recoveryTime.medianHours },
  reworkRate: { source: "dora", read: (s) => s.dora.summary.reworkRate.rate },
  // Hours per week: the window's hours over its whole weeks.
  hoursLost: { source: "hours", read: (s) => s.hours.summary.total / GOAL_WINDOW_WEEKS },
  flakyTestHours: { source: "hours", read: (s) => s.hours.summary.flakyTests / GOAL_WINDOW_WEEKS },
  debtShare: { source: "investment", read: (s) => s.investment.total.debtShare },
};

/** Each requested metric's value for one scope and window (null: nothing to measure). */
export async function scopeValues({
  db,
  scope,
  metrics,
  window,
  now,
}: {
  db: Db;
  scope: GoalScope;
  metrics: Iterable<GoalMetricValue>;
  window: { from: string; to: string };
  now: Date;
}): Promise<Map<GoalMetricValue, number | null>> {
  const wanted = [...new Set(metrics)];
  const needs = new Set(wanted.map((m) => READERS[m].source));
  const filters = { from: window.from, to: window.to, team: scope.team ?? undefined, service: scope.service ?? undefined, environment: "production" };
  const [dora, hours, investment] = await Promise.all([
    needs.has("dora") ? getDoraMetrics({ db, input: filters }) : null,
    needs.has("hours") ? getHoursLost({ db, input: filters, now }) : null,
    needs.has("investment") ? getInvestmentBalance({ db, input: filters, now }) : null,
  ]);
  const sources = { dora, hours, investment } as Sources;
  return new Map(wanted.map((m) => [m, READERS[m].read(sources)]));
}
