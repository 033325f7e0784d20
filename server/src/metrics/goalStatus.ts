// A goal's status (docs/metrics.md "Goals"): the current value against a straight line from the
// baseline when the goal started to the target at its end. Pure: the service supplies the values.
//
//   expected = baseline + (target − baseline) × elapsed share of [startedAt, end]   (clamped 0..1)
//   met        current at or better than the target
//   on track   current at or better than expected
//   at risk    current worse than expected by at most the tolerance
//   off track  worse than that, or the goal's end has passed without meeting the target
//   no data    no current value (nothing in the window to measure)
//
// "Better" is lower or higher per metric (shared/src/goals.ts). The tolerance is 10% of the
// distance from the baseline to the target; when there is no distance, 10% of the target itself.
// Without a baseline (no data when the goal started) the line cannot be drawn, and when the
// baseline was already at or better than the target the goal is to keep it there: in both cases
// the expected value is the target throughout.
import type { GoalStatusValue } from "@keel/shared";

export const GOAL_TOLERANCE = 0.1;

export interface GoalStatusInput {
  better: "lower" | "higher";
  target: number;
  baseline: number | null;
  current: number | null;
  startedAt: Date;
  /** The end of the goal's last day (exclusive): when the target must be reached. */
  end: Date;
  /**
   * The instant the current value is measured up to (the goal window's end, a Monday): the line
   * is read there, so a goal is "on track" the day it is created, and the end counts as passed
   * once a measured window reaches it.
   */
  now: Date;
}

export interface GoalStatusResult {
  status: GoalStatusValue;
  /** The value expected now: the straight line, or the target (no baseline, or a baseline already at or better than it). */
  expected: number;
}

/** The value the straight line from baseline to target expects at `now`. */
export function expectedValue({
  target,
  baseline,
  startedAt,
  end,
  now,
}: Pick<GoalStatusInput, "target" | "baseline" | "startedAt" | "end" | "now">): number | null {
  if (baseline === null) return null;
  const span = end.getTime() - startedAt.getTime();
  const elapsed = span <= 0 ? 1 : Math.min(1, Math.max(0, (now.getTime() - startedAt.getTime()) / span));
  return baseline + (target - baseline) * elapsed;
}

export function goalStatus(input: GoalStatusInput): GoalStatusResult {
  const { better, target, baseline, current, end, now } = input;
  // Scores where higher is always better, so one comparison serves both directions.
  const score = (v: number) => (better === "higher" ? v : -v);
  const toward = baseline !== null && score(baseline) < score(target);
  const expected = toward ? (expectedValue(input) ?? target) : target;
  if (current === null) return { status: "no data", expected };
  if (score(current) >= score(target)) return { status: "met", expected };
  if (now >= end) return { status: "off track", expected };
  if (score(current) >= score(expected)) return { status: "on track", expected };
  const distance = toward ? Math.abs(target - baseline) : 0;
  const tolerance = GOAL_TOLERANCE * (distance > 0 ? distance : Math.abs(target));
  return { status: score(expected) - score(current) <= tolerance ? "at risk" : "off track", expected };
}
