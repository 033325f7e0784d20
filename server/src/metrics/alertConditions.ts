// Alert conditions (docs/digest.md "Alerts"): what a subscription that asks for alerts watches, the
// state each condition is in now, and whether a change from the last state seen deserves a message.
// Pure: the service (services/alerts/evaluateAlerts.ts) measures, stores the states and sends.
//
//   goal:<id>                 the goal's status; worse is met < on track < at risk < off track
//   changeFailureRate:<team>  "above" when the team's rate over the last full week is above the threshold
//   hoursLost:<team>          "above" when the team's hours lost over the last full week are above it
//
// A message goes out once per change for the worse; a change for the better is stored silently,
// so the next worsening alerts again. The first time a condition is seen, it alerts only when it
// is already bad (at risk, off track, above). Nothing measured ("no data", a week without
// deployments) never alerts and keeps the last state seen.
import { formatGoalValue, type GoalMetricValue, type GoalStatusValue } from "@keel/shared";
import { formatHours } from "@keel/shared/numbers";

export type AlertKind = "goal" | "changeFailureRate" | "hoursLost";

export interface AlertCondition {
  /** Unique per subscription: "goal:<id>", "changeFailureRate:<team>", "hoursLost:<team>". */
  key: string;
  kind: AlertKind;
  /** The state now; null when there is nothing to measure (never alerts, the last state is kept). */
  state: string | null;
  /** The message's subject, after "Keel alert: ". */
  headline: string;
  /** One sentence naming what, the figure and the target or threshold. */
  sentence: string;
  /** Where in Keel to look: a path and query on KEEL_PUBLIC_URL. */
  path: string;
}

const GOAL_RANK: Record<string, number> = { met: 0, "on track": 1, "at risk": 2, "off track": 3 };
const THRESHOLD_RANK: Record<string, number> = { below: 0, above: 1 };

function rankOf(kind: AlertKind, state: string): number {
  return (kind === "goal" ? GOAL_RANK[state] : THRESHOLD_RANK[state]) ?? 0;
}

/** Bad enough to alert on first sight: a goal at risk or off track, a figure above its threshold. */
export function isBad(kind: AlertKind, state: string): boolean {
  return kind === "goal" ? rankOf(kind, state) >= (GOAL_RANK["at risk"] ?? 2) : state === "above";
}

export interface AlertDecision {
  /** Store `state` as the condition's last state. */
  store: boolean;
  /** Queue one message about it. */
  alert: boolean;
}

/** What to do when a condition last seen in `previous` (undefined: never seen) is now in `current`. */
export function decide(kind: AlertKind, previous: string | undefined, current: string | null): AlertDecision {
  if (current === null || current === previous) return { store: false, alert: false };
  if (previous === undefined) return { store: true, alert: isBad(kind, current) };
  return { store: true, alert: rankOf(kind, current) > rankOf(kind, previous) };
}

export interface GoalFigures {
  id: string;
  title: string;
  metric: GoalMetricValue;
  metricLabel: string;
  team: string | null;
  service: string | null;
  target: number;
  by: string;
  current: number | null;
  expected: number;
  status: GoalStatusValue;
}

export function goalCondition(g: GoalFigures): AlertCondition {
  const scope = g.service ? ` (${g.service})` : g.team ? ` (${g.team})` : "";
  const value = (v: number | null) => formatGoalValue(g.metric, v);
  return {
    key: `goal:${g.id}`,
    kind: "goal",
    state: g.status === "no data" ? null : g.status,
    headline: `${g.metricLabel} goal${scope} is now ${g.status}`,
    sentence:
      `The goal "${g.title}"${scope} is ${g.status}: ${g.metricLabel.toLowerCase()} is ${value(g.current)} over the last 4 full weeks, ` +
      `against ${value(g.expected)} expected by now and a target of ${value(g.target)} by ${g.by}.`,
    path: g.team ? `/?${new URLSearchParams({ team: g.team })}` : "/",
  };
}

export interface TeamWeekFigures {
  team: string;
  name: string;
  /** The ISO week measured: the last full week. */
  week: string;
  /** Change failure rate (0..1); null without deployments. */
  changeFailureRate: number | null;
  deployments: number;
  failedDeployments: number;
  hoursLost: number;
}

export interface AlertThresholds {
  /** A fraction: 0.15 is 15%. */
  changeFailureRate: number;
  /** Hours per team per week. */
  hoursLost: number;
}

const aboveOrBelow = (value: number, threshold: number) => (value > threshold ? "above" : "below");

export function teamConditions(t: TeamWeekFigures, thresholds: AlertThresholds): AlertCondition[] {
  const path = `/weekly-report?${new URLSearchParams({ week: t.week, team: t.team })}`;
  const cfr = (v: number | null) => formatGoalValue("changeFailureRate", v);
  const cfrState = t.changeFailureRate === null ? null : aboveOrBelow(t.changeFailureRate, thresholds.changeFailureRate);
  const hoursState = aboveOrBelow(t.hoursLost, thresholds.hoursLost);
  return [
    {
      key: `changeFailureRate:${t.team}`,
      kind: "changeFailureRate",
      state: cfrState,
      headline: `${t.name} team's change failure rate is ${cfrState ?? "unknown"} ${cfr(thresholds.changeFailureRate)}`,
      sentence:
        `${t.name} team's change failure rate was ${cfr(t.changeFailureRate)} in ${t.week} ` +
        `(${t.failedDeployments} of ${t.deployments} production deployments failed), ${cfrState ?? "against"} the alert threshold of ${cfr(thresholds.changeFailureRate)}.`,
      path,
    },
    {
      key: `hoursLost:${t.team}`,
      kind: "hoursLost",
      state: hoursState,
      headline: `${t.name} team's engineering hours lost are ${hoursState} ${formatHours(thresholds.hoursLost)} a week`,
      sentence: `The ${t.name} team lost ${formatHours(t.hoursLost)} of engineering time in ${t.week}, ${hoursState} the alert threshold of ${formatHours(thresholds.hoursLost)} a week.`,
      path,
    },
  ];
}
