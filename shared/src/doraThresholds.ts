// DORA performance levels by report year, kept as data (doraThresholds.json, checked when it is
// loaded; product.md "Levels"). Each metric lists the bound a value must meet for elite, high and
// medium, checked in that order; a value that meets none is low. Units: hours (lead time, recovery
// time), deploy days (deployment frequency: elite and high on the median week's deploy days, medium
// on deploy days per 30 days), a fraction (change failure rate). A month is 30 days throughout.
// Deployment rework rate has no published levels and so no entry.
//
// Boundaries: "< 1 day" excludes one day; "1 day to 1 week" includes one day and excludes one
// week (the next level starts there); "≤ 5%" includes 5%; "≥ 1 per week" includes one per week.
// In hours, a day is 24, a week 168 and a month 720.
//
// Deployment frequency is rated by deploy days (days with at least one successful deployment), not
// by deployments per day, so a burst cannot game it: ten deploys every Monday are one deploy day a
// week. Elite and high compare the median week's deploy days (deployDaysPerWeekMedian); medium
// compares the window's deploy days per 30 days (a week-based median cannot tell monthly from never).
import { z } from "zod";
import tables from "./doraThresholds.json" with { type: "json" };

export const DORA_LEVELS = ["elite", "high", "medium", "low"] as const;
export type DoraLevel = (typeof DORA_LEVELS)[number];

export type LeveledMetric = "leadTime" | "deploymentFrequency" | "changeFailureRate" | "recoveryTime";

const LevelBound = z.strictObject({
  /** How the value compares with `value`: below it, at most it, or at least it. */
  op: z.enum(["<", "<=", ">="]),
  value: z.number(),
  /** The report's wording. */
  text: z.string(),
});
export type LevelBound = z.infer<typeof LevelBound>;

const MetricThresholds = z.strictObject({
  unit: z.enum(["hours", "deployDays", "fraction"]),
  elite: LevelBound,
  high: LevelBound,
  medium: LevelBound,
  /** Low is whatever meets none of the bounds above; its wording only. */
  low: z.strictObject({ text: z.string() }),
  /** Where the numbers come from, and any reading of them that was needed. */
  note: z.string().optional(),
});

const DoraThresholdTable = z.strictObject({
  year: z.int(),
  source: z.string(),
  metrics: z.strictObject({
    leadTime: MetricThresholds,
    deploymentFrequency: MetricThresholds,
    changeFailureRate: MetricThresholds,
    recoveryTime: MetricThresholds,
  } satisfies Record<LeveledMetric, typeof MetricThresholds>),
});

export const THRESHOLDS_YEARS = [2023, 2024] as const;
export type ThresholdsYear = (typeof THRESHOLDS_YEARS)[number];
export const DEFAULT_THRESHOLDS_YEAR: ThresholdsYear = 2023;

export const DORA_THRESHOLDS: Readonly<Record<ThresholdsYear, z.infer<typeof DoraThresholdTable>>> = z
  .strictObject({ 2023: DoraThresholdTable, 2024: DoraThresholdTable })
  .parse(tables);
