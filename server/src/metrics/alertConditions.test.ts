import { expect, test } from "vitest";
import { decide, goalCondition, isBad, teamConditions, type AlertKind, type GoalFigures, type TeamWeekFigures } from "./alertConditions.ts";

test.each<[AlertKind, string | undefined, string | null, { store: boolean; alert: boolean }]>([
  // First sight: the baseline is stored; it alerts only when already bad.
  ["goal", undefined, "met", { store: true, alert: false }],
  ["goal", undefined, "on track", { store: true, alert: false }],
  ["goal", undefined, "at risk", { store: true, alert: true }],
  ["goal", undefined, "off track", { store: true, alert: true }],
  ["goal", undefined, null, { store: false, alert: false }],
  // Worse: one message.
  ["goal", "met", "on track", { store: true, alert: true }],
  ["goal", "on track", "at risk", { store: true, alert: true }],
  ["goal", "on track", "off track", { store: true, alert: true }],
  ["goal", "at risk", "off track", { store: true, alert: true }],
  // The same state again: nothing (not one message per pass while it stays bad).
  ["goal", "off track", "off track", { store: false, alert: false }],
  ["goal", "on track", "on track", { store: false, alert: false }],
  // Better: stored silently, so the next worsening alerts again.
  ["goal", "off track", "at risk", { store: true, alert: false }],
  ["goal", "off track", "met", { store: true, alert: false }],
  ["goal", "at risk", "on track", { store: true, alert: false }],
  // "No data" never alerts and keeps the last state.
  ["goal", "on track", null, { store: false, alert: false }],
  ["goal", "off track", null, { store: false, alert: false }],
  // Thresholds.
  ["changeFailureRate", undefined, "below", { store: true, alert: false }],
  ["changeFailureRate", undefined, "above", { store: true, alert: true }],
  ["changeFailureRate", "below", "above", { store: true, alert: true }],
  ["changeFailureRate", "above", "above", { store: false, alert: false }],
  ["changeFailureRate", "above", "below", { store: true, alert: false }],
  ["changeFailureRate", "above", null, { store: false, alert: false }],
  ["hoursLost", "below", "above", { store: true, alert: true }],
  ["hoursLost", "above", "below", { store: true, alert: false }],
  ["hoursLost", undefined, "above", { store: true, alert: true }],
])("%s: %s → %s", (kind, previous, current, expected) => {
  expect(decide(kind, previous, current)).toEqual(expected);
});

test.each<[AlertKind, string, boolean]>([
  ["goal", "met", false],
  ["goal", "on track", false],
  ["goal", "at risk", true],
  ["goal", "off track", true],
  ["hoursLost", "below", false],
  ["hoursLost", "above", true],
])("isBad(%s, %s) is %s", (kind, state, bad) => {
  expect(isBad(kind, state)).toBe(bad);
});

const goal: GoalFigures = {
  id: "g1",
  title: "Fewer failed deployments",
  metric: "changeFailureRate",
  metricLabel: "Change failure rate",
  team: "platform",
  service: null,
  target: 0.1,
  by: "2027-03-31",
  current: 0.25,
  expected: 0.14,
  status: "off track",
};

test.each([
  {
    name: "a team's goal off track",
    g: goal,
    state: "off track",
    headline: "Change failure rate goal (platform) is now off track",
    sentence:
      'The goal "Fewer failed deployments" (platform) is off track: change failure rate is 25.0% over the last 4 full weeks, against 14.0% expected by now and a target of 10.0% by 2027-03-31.',
    path: "/?team=platform",
  },
  {
    name: "an organisation's goal without data has no state",
    g: { ...goal, team: null, current: null, status: "no data" as const },
    state: null,
    headline: "Change failure rate goal is now no data",
    sentence:
      'The goal "Fewer failed deployments" is no data: change failure rate is no data over the last 4 full weeks, against 14.0% expected by now and a target of 10.0% by 2027-03-31.',
    path: "/",
  },
])("goal condition: $name", ({ g, state, headline, sentence, path }) => {
  expect(goalCondition(g)).toEqual({ key: "goal:g1", kind: "goal", state, headline, sentence, path });
});

const week: TeamWeekFigures = {
  team: "platform",
  name: "Platform",
  week: "2026-W48",
  changeFailureRate: 0.25,
  deployments: 12,
  failedDeployments: 3,
  hoursLost: 52.5,
};

test.each([
  { name: "both above", t: week, cfr: "above", hours: "above" },
  { name: "at the threshold is not above it", t: { ...week, changeFailureRate: 0.15, hoursLost: 40 }, cfr: "below", hours: "below" },
  {
    name: "no deployments: no change failure rate state",
    t: { ...week, changeFailureRate: null, deployments: 0, failedDeployments: 0 },
    cfr: null,
    hours: "above",
  },
])("team conditions: $name", ({ t, cfr, hours }) => {
  const [c, h] = teamConditions(t, { changeFailureRate: 0.15, hoursLost: 40 });
  expect([c?.key, c?.state, h?.key, h?.state]).toEqual(["changeFailureRate:platform", cfr, "hoursLost:platform", hours]);
  expect(c?.path).toBe("/weekly-report?week=2026-W48&team=platform");
});

test("team conditions' words name the figure and the threshold", () => {
  const [c, h] = teamConditions(week, { changeFailureRate: 0.15, hoursLost: 40 });
  expect(c?.headline).toBe("Platform team's change failure rate is above 15.0%");
  expect(c?.sentence).toBe(
    "Platform team's change failure rate was 25.0% in 2026-W48 (3 of 12 production deployments failed), above the alert threshold of 15.0%.",
  );
  expect(h?.headline).toBe("Platform team's engineering hours lost are above 40.0 h a week");
  expect(h?.sentence).toBe("The Platform team lost 52.5 h of engineering time in 2026-W48, above the alert threshold of 40.0 h a week.");
});
