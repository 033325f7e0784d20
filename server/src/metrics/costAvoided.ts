import { WEEK_MS } from "@keel/shared/calendar";
// Cost avoided (product.md "Cost model"):
//   fixed flaky test: its average weekly hours lost over the 4 weeks before its fix date
//                     × weeks since the fix date (at most 52);
//   delivery improvements: (baseline change failure rate − current) × current deployments
//                     × baseline hours per failure, never negative; the baseline is the
//                     same-length window before.
// Dollars follow the same rule as costs: hours × loaded rate (and, for a flaky test, the CI
// minutes its reruns no longer burn × CI cost per minute).

export const FIX_LOOKBACK_WEEKS = 4;
export const MAX_WEEKS_AVOIDED = 52;

export interface FixedTestAvoided {
  /** Hours lost in the 4 weeks up to and including the fix date, ÷ 4. */
  weeklyHoursBefore: number;
  weeklyUsdBefore: number;
  /** (asOf − fix date) in weeks, at most 52. */
  weeksSinceFix: number;
  hours: number;
  usd: number;
  /** The part of the avoided weeks that falls inside [from, to). */
  weeksInWindow: number;
  hoursInWindow: number;
  usdInWindow: number;
}

export function fixedTestAvoided(p: { fixDate: Date; asOf: Date; hoursBefore: number; usdBefore: number; window: { from: Date; to: Date } }): FixedTestAvoided {
  const weeklyHoursBefore = p.hoursBefore / FIX_LOOKBACK_WEEKS;
  const weeklyUsdBefore = p.usdBefore / FIX_LOOKBACK_WEEKS;
  const fix = p.fixDate.getTime();
  const end = fix + MAX_WEEKS_AVOIDED * WEEK_MS;
  const weeksSinceFix = Math.max(0, Math.min(MAX_WEEKS_AVOIDED, (p.asOf.getTime() - fix) / WEEK_MS));
  // Avoided time inside the window: [max(from, fix), min(to, asOf, fix + 52 weeks)).
  const inFrom = Math.max(p.window.from.getTime(), fix);
  const inTo = Math.min(p.window.to.getTime(), p.asOf.getTime(), end);
  const weeksInWindow = Math.max(0, (inTo - inFrom) / WEEK_MS);
  return {
    weeklyHoursBefore,
    weeklyUsdBefore,
    weeksSinceFix,
    hours: weeklyHoursBefore * weeksSinceFix,
    usd: weeklyUsdBefore * weeksSinceFix,
    weeksInWindow,
    hoursInWindow: weeklyHoursBefore * weeksInWindow,
    usdInWindow: weeklyUsdBefore * weeksInWindow,
  };
}

export interface DeliveryAvoided {
  baselineRate: number | null;
  currentRate: number | null;
  currentDeployments: number;
  baselineFailures: number;
  /** Hours lost to change failures and rework in the baseline ÷ its failed deployments. */
  baselineHoursPerFailure: number | null;
  hours: number;
}

/** (baseline rate − current rate) × current deployments × baseline hours per failure, at least 0. */
export function deliveryAvoided(p: {
  baselineRate: number | null;
  currentRate: number | null;
  currentDeployments: number;
  baselineFailures: number;
  baselineHours: number;
}): DeliveryAvoided {
  const baselineHoursPerFailure = p.baselineFailures > 0 ? p.baselineHours / p.baselineFailures : null;
  const computable = p.baselineRate !== null && p.currentRate !== null && baselineHoursPerFailure !== null;
  const hours = computable ? Math.max(0, (p.baselineRate! - p.currentRate!) * p.currentDeployments * baselineHoursPerFailure!) : 0;
  return {
    baselineRate: p.baselineRate,
    currentRate: p.currentRate,
    currentDeployments: p.currentDeployments,
    baselineFailures: p.baselineFailures,
    baselineHoursPerFailure,
    hours,
  };
}
