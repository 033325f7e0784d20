// Table cells of the weekly report document (reportDocument.ts): the shared number style
// (@keel/shared/numbers), with a dash for a figure that does not exist.
import type { DoraLevel } from "@keel/shared";
import { METRICS, type MetricName } from "@keel/shared/metricCatalogue";
import { formatDecimal, formatHours, formatHoursChange, formatPercent, formatPointsChange, formatUpToFourDecimals } from "@keel/shared/numbers";

export const DASH = "–";

export function num(value: number | null, digits: 0 | 1 | 2 = 1): string {
  return value === null ? DASH : formatDecimal(value, digits);
}

/** A change in a count: "+3", "−3", "±0". */
export function countChange(value: number | null): string {
  if (value === null) return DASH;
  if (value === 0) return "±0";
  return `${value > 0 ? "+" : ""}${formatDecimal(value, 0)}`;
}

export function pct(value: number | null): string {
  return value === null ? DASH : formatPercent(value);
}

export function points(value: number | null): string {
  return value === null ? DASH : formatPointsChange(value);
}

export function hoursChange(value: number | null): string {
  return value === null ? DASH : formatHoursChange(value);
}

/** A metric's DORA level, a dash when it has none this week, "no levels" when DORA publishes none for it. */
export function levelCell(metric: MetricName, value: DoraLevel | null): string {
  return METRICS[metric].levels ? (value ?? DASH) : "no levels";
}

export function hoursCell(h: number | null): string {
  return h === null ? DASH : formatHours(h);
}

export function testLabel(t: { suite: string; name: string; variant: string }): string {
  return `${t.suite} › ${t.name}${t.variant ? ` [${t.variant}]` : ""}`;
}

export function inputValue(v: number | string | null): string {
  if (v === null) return "unknown";
  if (typeof v === "string") return v;
  return formatUpToFourDecimals(v);
}
