// DORA levels from the thresholds table of the chosen report year (shared/src/doraThresholds.ts):
// the first of elite, high, medium whose bound the value meets, otherwise low. A metric with no
// value (no deployments, no resolved incidents) has no level.
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

export function levelOf(metric: LeveledMetric, value: number | null, year: ThresholdsYear): DoraLevel | null {
  if (value === null || Number.isNaN(value)) return null;
  const thresholds = DORA_THRESHOLDS[year].metrics[metric];
  if (meets(value, thresholds.elite)) return "elite";
  if (meets(value, thresholds.high)) return "high";
  if (meets(value, thresholds.medium)) return "medium";
  return "low";
}
