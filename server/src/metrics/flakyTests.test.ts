import { DAY_MS } from "@keel/shared/calendar";
import { describe, expect, test } from "vitest";
import { flakyState, paybackWeeks, rankTests, topFixPayback, type StateFacts } from "./flakyTests.ts";

const at = (days: number) => new Date(Date.UTC(2026, 9, 1) + days * DAY_MS);
const facts = (f: Partial<StateFacts>): StateFacts => ({
  lastFlakyAt: at(0),
  runsSinceLastFlaky: 0,
  lastRunAt: null,
  latestShaFailed: 0,
  latestShaPassed: 1,
  ...f,
});

describe("flaky test state", () => {
  test.each([
    ["just flaked", facts({}), "flaky"],
    ["20 runs over 14 days since: fixed", facts({ runsSinceLastFlaky: 20, lastRunAt: at(14) }), "fixed"],
    ["19 runs over 30 days: not yet", facts({ runsSinceLastFlaky: 19, lastRunAt: at(30) }), "flaky"],
    ["50 runs over 13.9 days: not yet", facts({ runsSinceLastFlaky: 50, lastRunAt: at(13.9) }), "flaky"],
    ["latest sha failed twice, never passed: broken", facts({ runsSinceLastFlaky: 2, lastRunAt: at(1), latestShaFailed: 2, latestShaPassed: 0 }), "broken"],
    ["latest sha failed once, no rerun yet: still flaky", facts({ latestShaFailed: 1, latestShaPassed: 0 }), "flaky"],
    ["broken wins over fixed", facts({ runsSinceLastFlaky: 40, lastRunAt: at(20), latestShaFailed: 3, latestShaPassed: 0 }), "broken"],
  ])("%s", (_what, f, state) => {
    expect(flakyState(f)).toBe(state);
  });
});

describe("fix payback = effort ÷ weekly hours lost", () => {
  test.each([
    [4, 2, 2],
    [4, 0.5, 8],
    [12, 6, 2],
    [4, 0, null],
  ])("%d h of work at %d h/week: %s weeks", (effort, weekly, weeks) => {
    expect(paybackWeeks(effort, weekly)).toBe(weeks);
  });

  test("the top N: unfixed tests that lose hours; Σ effort ÷ Σ weekly hours", () => {
    const t = (id: number, hours: number, state: "flaky" | "fixed" | "broken" = "flaky", effort = 4) => ({
      testCaseId: id,
      flakyFailures: 1,
      blockingFailures: 1,
      hoursLost: hours,
      usd: hours * 100,
      state,
      fixEffortHours: effort,
    });
    const costs = [t(1, 8), t(2, 12, "fixed"), t(3, 4, "flaky", 6), t(4, 2), t(5, 0)];
    const ranked = rankTests(
      costs.map((c) => ({
        testCaseId: c.testCaseId,
        flakyFailures: 1,
        blockingFailures: 1,
        hours: c.hoursLost,
        usd: c.usd,
        weekly: new Map(),
        teamIds: new Set([null]),
      })),
      new Map(costs.map((c) => [c.testCaseId, { state: c.state, fixEffortHours: c.fixEffortHours }])),
      2,
    );
    expect(ranked.map((r) => r.testCaseId)).toEqual([2, 1, 3, 4, 5]);
    expect(ranked[0]?.paybackWeeks).toBeNull(); // fixed
    // top 3 unfixed with hours: 1 (4 h/week), 3 (2 h/week, 6 h of work), 4 (1 h/week): (4 + 6 + 4) ÷ (4 + 2 + 1) = 2 weeks
    expect(topFixPayback(ranked, 3)).toEqual({ tests: 3, effortHours: 14, weeklyHoursLost: 7, paybackWeeks: 2 });
  });
});
