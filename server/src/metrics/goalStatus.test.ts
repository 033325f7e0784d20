import { describe, expect, test } from "vitest";
import { expectedValue, goalStatus } from "./goalStatus.ts";

// A 100-day goal; "now" is given as the share of it that has passed.
const startedAt = new Date("2027-01-01T00:00:00Z");
const end = new Date("2027-04-11T00:00:00Z");
const at = (share: number) => new Date(startedAt.getTime() + share * (end.getTime() - startedAt.getTime()));

describe("goalStatus", () => {
  test.each([
    // [what, better, baseline, target, current, elapsed share, status, expected]
    // Lower is better: change failure rate from 20% to 10%.
    ["lower: at the target already", "lower", 0.2, 0.1, 0.1, 0.5, "met", 0.15],
    ["lower: better than the target", "lower", 0.2, 0.1, 0.05, 0.1, "met", 0.19],
    ["lower: ahead of the line", "lower", 0.2, 0.1, 0.14, 0.5, "on track", 0.15],
    ["lower: exactly on the line", "lower", 0.2, 0.1, 0.15, 0.5, "on track", 0.15],
    ["lower: behind the line, within 10% of the distance", "lower", 0.2, 0.1, 0.159, 0.5, "at risk", 0.15],
    ["lower: behind the line by more than the tolerance", "lower", 0.2, 0.1, 0.17, 0.5, "off track", 0.15],
    ["lower: at the start, unchanged from the baseline", "lower", 0.2, 0.1, 0.2, 0, "on track", 0.2],
    ["lower: worse than the baseline", "lower", 0.2, 0.1, 0.25, 0.2, "off track", 0.18],
    // Higher is better: deployments per day from 1 to 3.
    ["higher: at the target", "higher", 1, 3, 3, 0.5, "met", 2],
    ["higher: ahead of the line", "higher", 1, 3, 2.5, 0.5, "on track", 2],
    ["higher: behind, within tolerance (0.2)", "higher", 1, 3, 1.85, 0.5, "at risk", 2],
    ["higher: behind by more than the tolerance", "higher", 1, 3, 1.5, 0.5, "off track", 2],
    // Past the goal's end: met, or off track (no tolerance after the date).
    ["past the end: met", "lower", 0.2, 0.1, 0.09, 1.5, "met", 0.1],
    ["past the end: short of the target by a hair", "lower", 0.2, 0.1, 0.101, 1.2, "off track", 0.1],
    ["past the end, higher: short", "higher", 1, 3, 2.99, 2, "off track", 3],
    // The baseline was already better than the target.
    // The baseline was already better than the target: the goal is to keep it (expected = target).
    ["baseline better than target, still better", "lower", 0.05, 0.1, 0.08, 0.5, "met", 0.1],
    ["baseline better than target, within 10% of the target", "lower", 0.05, 0.1, 0.104, 0.5, "at risk", 0.1],
    ["baseline better than target, far worse", "lower", 0.05, 0.1, 0.2, 0.5, "off track", 0.1],
    ["higher: baseline better than target, slipped a little", "higher", 5, 4, 3.7, 0.1, "at risk", 4],
    // Baseline equal to the target: tolerance is 10% of the target.
    ["baseline equals target, slipped a little", "higher", 2, 2, 1.9, 0.5, "at risk", 2],
    ["baseline equals target, slipped a lot", "higher", 2, 2, 1.5, 0.5, "off track", 2],
    // No baseline (no data when the goal started): judged against the target alone.
    ["no baseline, target met", "lower", null, 10, 8, 0.5, "met", 10],
    ["no baseline, within 10% of the target", "lower", null, 10, 10.5, 0.5, "at risk", 10],
    ["no baseline, far from the target", "lower", null, 10, 20, 0.5, "off track", 10],
    // No current value: no data, whatever else.
    ["no current value", "lower", 0.2, 0.1, null, 0.5, "no data", 0.15],
    ["no current value past the end", "higher", 1, 3, null, 2, "no data", 3],
    ["no data at all", "higher", null, 3, null, 0.5, "no data", 3],
  ] as const)("%s", (_what, better, baseline, target, current, share, status, expected) => {
    const result = goalStatus({ better, baseline, target, current, startedAt, end, now: at(share) });
    expect(result.status).toBe(status);
    expect(result.expected).toBeCloseTo(expected, 9);
  });
});

describe("expectedValue", () => {
  test.each([
    ["before the start: the baseline", -0.5, 10],
    ["at the start", 0, 10],
    ["a quarter of the way", 0.25, 8],
    ["at the end: the target", 1, 2],
    ["after the end: still the target", 3, 2],
  ] as const)("%s", (_what, share, expected) => {
    expect(expectedValue({ baseline: 10, target: 2, startedAt, end, now: at(share) })).toBeCloseTo(expected, 9);
  });

  test("a goal that ends when it starts expects the target", () => {
    expect(expectedValue({ baseline: 10, target: 2, startedAt: end, end, now: end })).toBe(2);
  });
});
