import { WEEK_MS } from "@keel/shared/calendar";
// The cumulative cost avoided by fixed flaky tests at the end of each week, for the Executive's
// line. It follows the API's own rule (docs/costs.md "Cost avoided"): a fixed test avoids its
// average weekly cost before the fix for every week since the fix date, at most 52, so its
// avoided cost grows linearly from the fix date and reaches the API's figure (`costUsd`) at
// `asOf`. Nothing here is estimated beyond that rule: the last point equals the API's total.
const MAX_WEEKS = 52;

export interface FixedTestAvoided {
  fixDate: string;
  /** Weeks from the fix date to `asOf`, at most 52 (the API's figure). */
  weeksSinceFix: number;
  /** Dollars avoided from the fix date to `asOf` (the API's figure). */
  costUsd: number;
}

/** Dollars avoided by one test by an instant: its weekly rate × weeks since the fix (0 to 52). */
function avoidedBy(test: FixedTestAvoided, at: number): number {
  if (test.weeksSinceFix <= 0) return 0;
  const weeks = Math.min(MAX_WEEKS, Math.max(0, (at - Date.parse(test.fixDate)) / WEEK_MS));
  return (test.costUsd / test.weeksSinceFix) * Math.min(weeks, test.weeksSinceFix);
}

/**
 * One value per week of the window: the dollars avoided since the fixes by the end of that week
 * (or by `asOf`, if earlier), rounded to cents. `windowFrom` is the instant the first week starts;
 * weeks are 7 days long (a daylight-saving change moves a week's end by at most an hour).
 */
export function cumulativeAvoided(weekCount: number, windowFrom: string, asOf: string, tests: FixedTestAvoided[]): number[] {
  const start = Date.parse(windowFrom);
  const end = Date.parse(asOf);
  return Array.from({ length: weekCount }, (_, i) => {
    const at = Math.min(start + (i + 1) * WEEK_MS, end);
    const dollars = tests.reduce((sum, t) => sum + avoidedBy(t, at), 0);
    return Math.round(dollars * 100) / 100;
  });
}
