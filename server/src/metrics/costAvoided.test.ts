import { DAY_MS } from "@keel/shared/calendar";
import { describe, expect, test } from "vitest";
import { deliveryAvoided, fixedTestAvoided } from "./costAvoided.ts";

const fix = new Date("2026-10-01T00:00:00Z");
const after = (days: number) => new Date(fix.getTime() + days * DAY_MS);

describe("cost avoided by a fixed flaky test = weekly hours before × weeks since the fix (≤ 52)", () => {
  test.each([
    // 8 h in the 4 weeks before = 2 h/week; 3 weeks since: 6 h, $600
    ["3 weeks after", 8, 800, after(21), 3, 6, 600],
    // 2 h/week × 52 weeks (capped; 60 weeks have passed) = 104 h
    ["capped at 52 weeks", 8, 800, after(420), 52, 104, 10_400],
    ["before the fix: nothing", 8, 800, after(-1), 0, 0, 0],
  ])("%s", (_what, hoursBefore, usdBefore, asOf, weeks, hours, usd) => {
    const a = fixedTestAvoided({ fixDate: fix, asOf, hoursBefore, usdBefore, window: { from: after(-100), to: asOf } });
    expect(a.weeksSinceFix).toBeCloseTo(weeks, 10);
    expect(a.hours).toBeCloseTo(hours, 10);
    expect(a.usd).toBeCloseTo(usd, 10);
  });

  test("the part inside the window: one week of it", () => {
    // window [day 7, day 14): 1 week avoided × 2 h/week
    const a = fixedTestAvoided({ fixDate: fix, asOf: after(14), hoursBefore: 8, usdBefore: 800, window: { from: after(7), to: after(14) } });
    expect(a.weeksInWindow).toBeCloseTo(1, 10);
    expect(a.hoursInWindow).toBeCloseTo(2, 10);
    expect(a.hours).toBeCloseTo(4, 10);
  });
});

describe("cost avoided by delivery = (baseline rate − current) × current deployments × baseline hours per failure, ≥ 0", () => {
  test.each([
    // (0.2 − 0.05) × 60 × (30 h ÷ 3 failures = 10 h) = 0.15 × 60 × 10 = 90 h
    ["improved", 0.2, 0.05, 60, 3, 30, 90],
    ["got worse: zero, never negative", 0.05, 0.2, 60, 1, 10, 0],
    ["no baseline failures: nothing to scale", 0, 0, 60, 0, 0, 0],
    ["no current deployments: no rate", 0.2, null, 0, 3, 30, 0],
  ])("%s", (_what, baselineRate, currentRate, currentDeployments, baselineFailures, baselineHours, hours) => {
    expect(deliveryAvoided({ baselineRate, currentRate, currentDeployments, baselineFailures, baselineHours }).hours).toBeCloseTo(hours, 10);
  });
});
