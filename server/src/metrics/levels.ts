// DORA levels from the thresholds table of the chosen report year (shared/src/doraThresholds.ts):
// the first of elite, high, medium whose bound the value meets, otherwise low. A metric with no
// value (no resolved incidents, no changes) has no level. Deployment frequency is rated by deploy
// days (frequencyLevel), from two figures.
import { DORA_THRESHOLDS, type DoraLevel, type LevelBound, type LeveledMetric, type ThresholdsYear } from "@keel/shared";

function meets(value: number, bound: LevelBound): boolean {
  switch (bound.op) {
    case "<":
      return value < bound.value;
    case "<=":
      return value <= bound.value;
    case ">=":
      return value >= bound.value;
  }
}

/** Lead time, change failure rate, recovery time: one figure each. */
export function levelOf(metric: Exclude<LeveledMetric, "deploymentFrequency">, value: number | null, year: ThresholdsYear): DoraLevel | null {
  if (value === null || Number.isNaN(value)) return null;
  const thresholds = DORA_THRESHOLDS[year].metrics[metric];
  if (meets(value, thresholds.elite)) return "elite";
  if (meets(value, thresholds.high)) return "high";
  if (meets(value, thresholds.medium)) return "medium";
  return "low";
}

export interface DeployDayFigures {
  /** Median over the window's weeks (empty weeks as 0) of the days with a successful deployment. */
  deployDaysPerWeekMedian: number | null;
  /** Days with a successful deployment in the window × 30 ÷ days in the window. */
  deployDaysPer30Days: number | null;
}

/**
 * Deployment frequency level by deploy days: elite and high by the median week's deploy days,
 * medium by deploy days per 30 days, otherwise low. No figures (a window of no weeks): no level.
 */
export function frequencyLevel(figures: DeployDayFigures, year: ThresholdsYear): DoraLevel | null {
  const { deployDaysPerWeekMedian: week, deployDaysPer30Days: month } = figures;
  if (week === null || month === null || Number.isNaN(week) || Number.isNaN(month)) return null;
  const thresholds = DORA_THRESHOLDS[year].metrics.deploymentFrequency;
  if (meets(week, thresholds.elite)) return "elite";
  if (meets(week, thresholds.high)) return "high";
  if (meets(month, thresholds.medium)) return "medium";
  return "low";
}
