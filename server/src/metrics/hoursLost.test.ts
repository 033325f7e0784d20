import { DEFAULT_COST_MODEL_INPUTS as D } from "@keel/shared";
import { describe, expect, test } from "vitest";
import { capacityOf, exactCost, figuresOf, ZERO_COUNTS, type RawCounts } from "./hoursLost.ts";

const counts = (c: Partial<RawCounts>): RawCounts => ({ ...ZERO_COUNTS, ...c });

describe("hours lost and cost (defaults: 23 min, wait 0.5, $100/h, $0.008/CI min, 2 responders, 2 h rework)", () => {
  test.each([
    // [what, counts, flaky h, change-failure h, rework h, cost $]
    // 1 blocking × 23/60 + 0.5 × 0.2 h = 0.483333 h; $48.3333 + 12 min × 0.008 = $48.43
    ["one blocking failure, 12-min rerun", counts({ blockingFailures: 1, rerunHours: 0.2, ciMinutes: 12 }), 23 / 60 + 0.1, 0, 0, 48.43],
    // 3 × 23/60 + 0.5 × 1.5 = 1.15 + 0.75 = 1.9 h; $190 + 90 × 0.008 = $190.72
    ["three blocking failures", counts({ blockingFailures: 3, rerunHours: 1.5, ciMinutes: 90 }), 1.9, 0, 0, 190.72],
    // own responders: 9 h; default responders: 14 h × 2 = 28 h; 37 h → $3,700
    ["incidents with and without responders", counts({ hoursWithOwnResponders: 9, hoursPerDefaultResponder: 14 }), 0, 37, 0, 3700],
    // 4 rework deployments × 2 h = 8 h → $800
    ["rework", counts({ reworkDeployments: 4 }), 0, 0, 8, 800],
    ["nothing", ZERO_COUNTS, 0, 0, 0, 0],
  ])("%s", (_what, c, flaky, changeFailures, rework, cost) => {
    const f = figuresOf(exactCost(c, D));
    expect(f.flakyTests).toBeCloseTo(flaky, 10);
    expect(f.changeFailures).toBeCloseTo(changeFailures, 10);
    expect(f.rework).toBeCloseTo(rework, 10);
    expect(f.total).toBeCloseTo(flaky + changeFailures + rework, 10);
    expect(f.costUsd).toBe(cost);
  });

  test("the total cost is the sum of the causes rounded to cents, so the causes add up", () => {
    // flaky $0.335 + $0.008×… : causes 0.34 (0.3350…) + 0.34 + 0.34 vs an unrounded 1.005
    const f = figuresOf({
      flakyTests: 0,
      changeFailures: 0,
      rework: 0,
      flakyTestsUsd: 0.33501,
      changeFailuresUsd: 0.33501,
      reworkUsd: 0.33501,
      ciMinutes: 0,
      ciUsd: 0,
    });
    expect(f.costByCause).toEqual({ flakyTests: 0.34, changeFailures: 0.34, rework: 0.34 });
    expect(f.costUsd).toBe(1.02);
  });

  test("a cost model edit changes money, not hours", () => {
    const c = counts({ blockingFailures: 2, rerunHours: 0.5, ciMinutes: 30, reworkDeployments: 1 });
    const a = figuresOf(exactCost(c, D));
    const b = figuresOf(exactCost(c, { ...D, loadedHourlyRateUsd: 150, ciCostPerMinuteUsd: 0.01 }));
    expect(b.total).toBe(a.total);
    // hours = 2 × 23/60 + 0.25 + 2 = 3.016667; $150/h → 452.50 + 30 × 0.01 = 452.80
    expect(b.costUsd).toBe(452.8);
  });
});

describe("capacity share and sprints lost", () => {
  const team = (teamId: string, size: number | null) => ({ teamId, slug: teamId, size, hoursPerWeek: 40, sprintWeeks: 2 });
  test.each([
    // 20 h over 1 week, 5 engineers: 20 ÷ 200 = 0.1; sprints = 20 × 52/12 ÷ (5 × 40 × 2) = 86.6667 ÷ 400 = 0.216667
    ["one team", new Map([["a", 20]]), [team("a", 5)], 1, 0.1, (20 * 52) / 12 / 400],
    // 2 weeks: 20 ÷ (5 × 40 × 2) = 0.05; sprints = 10 × 52/12 ÷ 400 = 0.108333
    ["two weeks", new Map([["a", 20]]), [team("a", 5)], 2, 0.05, (10 * 52) / 12 / 400],
    // org-wide: a (5) and b (3) sized, c unknown: (20 + 12) ÷ (8 × 40) = 0.1; c's 8 h are not counted
    [
      "org-wide, one team without a size",
      new Map([
        ["a", 20],
        ["b", 12],
        ["c", 8],
      ]),
      [team("a", 5), team("b", 3), team("c", null)],
      1,
      0.1,
      (32 * 52) / 12 / 640,
    ],
  ])("%s", (_what, hours, teams, weeks, share, sprints) => {
    const c = capacityOf(hours as Map<string | null, number>, teams, weeks);
    expect(c.capacityShare).toBeCloseTo(share, 10);
    expect(c.sprintsLostPerMonth).toBeCloseTo(sprints, 10);
  });

  test("no size known: unknown (null), not zero, and said why", () => {
    const c = capacityOf(
      new Map([
        ["a", 20],
        [null, 3],
      ]),
      [team("a", null)],
      1,
    );
    expect(c).toMatchObject({
      capacityShare: null,
      sprintsLostPerMonth: null,
      basis: { engineers: null, teamsWithoutSize: ["a"], hoursCounted: 0, hoursNotCounted: 23 },
    });
  });
});
