// Finishes the DORA metrics in TypeScript (architecture.md): the database has counted, bucketed and
// taken percentiles per (period, week) and per period; this fills empty weeks, divides, takes the
// median of deploy days per week, compares with the previous period and assigns levels.
import type { DoraLevel, ThresholdsYear } from "@keel/shared";
import { compared, type Compared } from "./comparison.ts";
import { frequencyLevel, levelOf } from "./levels.ts";
import { median } from "./median.ts";

type Period = "current" | "previous";

interface Keyed {
  period: Period;
  week: string | null;
}

export interface DoraRows {
  deployments: (Keyed & { deployments: number; deployDays: number; failed: number; rework: number })[];
  leadTime: (Keyed & { changes: number; medianHours: number | null; p90Hours: number | null; excludedNegative: number })[];
  recovery: (Keyed & { incidents: number; medianHours: number | null; p90Hours: number | null; excludedNegative: number })[];
  open: { current: number; previous: number };
}

export interface DoraReportInput {
  rows: DoraRows;
  /** Week buckets (local Mondays) of the window and of the previous period. */
  buckets: { current: string[]; previous: string[] };
  /** Length of each period in local days (the same for both). */
  days: number;
  thresholdsYear: ThresholdsYear;
}

export interface DeploymentFrequencyFigures {
  deployments: number;
  perDay: number;
  deployDaysPerWeekMedian: number | null;
  level: DoraLevel | null;
}
export interface LeadTimeFigures {
  changes: number;
  medianHours: number | null;
  p90Hours: number | null;
  level: DoraLevel | null;
  excludedNegative: number;
}
export interface ChangeFailureFigures {
  deployments: number;
  failed: number;
  rate: number | null;
  level: DoraLevel | null;
}
export interface RecoveryFigures {
  incidents: number;
  medianHours: number | null;
  p90Hours: number | null;
  level: DoraLevel | null;
  open: number;
  excludedNegative: number;
}
export interface ReworkFigures {
  deployments: number;
  rework: number;
  rate: number | null;
}

export interface DoraSummary {
  deploymentFrequency: Compared<DeploymentFrequencyFigures>;
  leadTime: Compared<LeadTimeFigures>;
  changeFailureRate: Compared<ChangeFailureFigures>;
  recoveryTime: Compared<RecoveryFigures>;
  reworkRate: Compared<ReworkFigures>;
}

export interface DoraBucket {
  bucketStart: string;
  deployments: number;
  leadTimeMedianHours: number | null;
  changeFailureRate: number | null;
  recoveryMedianHours: number | null;
  reworkRate: number | null;
  // Beyond api.md's list (additive): the counts behind each figure.
  deployDays: number;
  failedDeployments: number;
  reworkDeployments: number;
  changes: number;
  incidents: number;
}

/** failed / deployments, or null when there is nothing to divide (no deployments: no rate). */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function byKey<T extends Keyed>(rows: T[]): { total: (p: Period) => T | undefined; week: (p: Period, w: string) => T | undefined } {
  const map = new Map(rows.map((r) => [`${r.period}|${r.week ?? ""}`, r]));
  return { total: (p) => map.get(`${p}|`), week: (p, w) => map.get(`${p}|${w}`) };
}

export function buildDoraReport({ rows, buckets, days, thresholdsYear }: DoraReportInput): { summary: DoraSummary; series: DoraBucket[] } {
  const deployments = byKey(rows.deployments);
  const lead = byKey(rows.leadTime);
  const recovery = byKey(rows.recovery);

  const frequency = (p: Period): DeploymentFrequencyFigures => {
    const n = deployments.total(p)?.deployments ?? 0;
    const perDay = days > 0 ? n / days : 0;
    // Every week of the period counts, weeks without a deployment as zero (product.md, metric 1).
    const deployDays = buckets[p].map((w) => deployments.week(p, w)?.deployDays ?? 0);
    const deployDaysPerWeekMedian = median(deployDays);
    // Weeks never share a day, so the weeks' deploy days add up to the period's.
    const deployDaysPer30Days = days > 0 ? (deployDays.reduce((a, b) => a + b, 0) * 30) / days : null;
    const level = frequencyLevel({ deployDaysPerWeekMedian, deployDaysPer30Days }, thresholdsYear);
    return { deployments: n, perDay, deployDaysPerWeekMedian, level };
  };
  /** A duration metric's median and p90 hours, and its level by the median. */
  const durations = (r: { medianHours: number | null; p90Hours: number | null } | undefined, metric: "leadTime" | "recoveryTime") => {
    const medianHours = r?.medianHours ?? null;
    return { medianHours, p90Hours: r?.p90Hours ?? null, level: levelOf(metric, medianHours, thresholdsYear) };
  };
  const leadTime = (p: Period): LeadTimeFigures => {
    const r = lead.total(p);
    return { changes: r?.changes ?? 0, ...durations(r, "leadTime"), excludedNegative: r?.excludedNegative ?? 0 };
  };
  const failure = (p: Period): ChangeFailureFigures => {
    const r = deployments.total(p);
    const value = rate(r?.failed ?? 0, r?.deployments ?? 0);
    return { deployments: r?.deployments ?? 0, failed: r?.failed ?? 0, rate: value, level: levelOf("changeFailureRate", value, thresholdsYear) };
  };
  const recoveryTime = (p: Period): RecoveryFigures => {
    const r = recovery.total(p);
    return {
      incidents: r?.incidents ?? 0,
      ...durations(r, "recoveryTime"),
      open: p === "current" ? rows.open.current : rows.open.previous,
      excludedNegative: r?.excludedNegative ?? 0,
    };
  };
  const rework = (p: Period): ReworkFigures => {
    const r = deployments.total(p);
    return { deployments: r?.deployments ?? 0, rework: r?.rework ?? 0, rate: rate(r?.rework ?? 0, r?.deployments ?? 0) };
  };

  const summary: DoraSummary = {
    deploymentFrequency: compared(frequency("current"), frequency("previous")),
    leadTime: compared(leadTime("current"), leadTime("previous")),
    changeFailureRate: compared(failure("current"), failure("previous")),
    recoveryTime: compared(recoveryTime("current"), recoveryTime("previous")),
    reworkRate: compared(rework("current"), rework("previous")),
  };

  // Every bucket of the window, a week without rows too: its counts are zero and its medians and rates null.
  const series = buckets.current.map((w): DoraBucket => {
    const d = deployments.week("current", w);
    const l = lead.week("current", w);
    const r = recovery.week("current", w);
    const n = d?.deployments ?? 0;
    return {
      bucketStart: w,
      deployments: n,
      leadTimeMedianHours: l?.medianHours ?? null,
      changeFailureRate: rate(d?.failed ?? 0, n),
      recoveryMedianHours: r?.medianHours ?? null,
      reworkRate: rate(d?.rework ?? 0, n),
      deployDays: d?.deployDays ?? 0,
      failedDeployments: d?.failed ?? 0,
      reworkDeployments: d?.rework ?? 0,
      changes: l?.changes ?? 0,
      incidents: r?.incidents ?? 0,
    };
  });
  return { summary, series };
}
