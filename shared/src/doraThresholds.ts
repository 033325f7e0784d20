// DORA performance levels by report year, kept as data (product.md "Levels"). Each metric lists
// the bound a value must meet for elite, high and medium, checked in that order; a value that meets
// none is low. Units: hours (lead time, recovery time), deploy days (deployment frequency: elite and
// high on the median week's deploy days, medium on deploy days per 30 days), a fraction (change
// failure rate). A month is 30 days throughout. Deployment rework
// rate has no published levels and so no entry.
//
// Boundaries: "< 1 day" excludes one day; "1 day to 1 week" includes one day and excludes one
// week (the next level starts there); "≤ 5%" includes 5%; "≥ 1 per week" includes one per week.

export const DORA_LEVELS = ["elite", "high", "medium", "low"] as const;
export type DoraLevel = (typeof DORA_LEVELS)[number];

export type LeveledMetric = "leadTime" | "deploymentFrequency" | "changeFailureRate" | "recoveryTime";

export interface LevelBound {
  /** How the value compares with `value`: below it, at most it, or at least it. */
  op: "<" | "<=" | ">=";
  value: number;
  /** The report's wording. */
  text: string;
}

export interface MetricThresholds {
  unit: "hours" | "deployDays" | "fraction";
  elite: LevelBound;
  high: LevelBound;
  medium: LevelBound;
  /** Low is whatever meets none of the bounds above; its wording only. */
  low: { text: string };
  /** Where the numbers come from, and any reading of them that was needed. */
  note?: string;
}

export interface DoraThresholdTable {
  year: number;
  source: string;
  metrics: Record<LeveledMetric, MetricThresholds>;
}

const HOUR = 1;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

// Throughput bands are the same in both reports.
const leadTime: MetricThresholds = {
  unit: "hours",
  elite: { op: "<", value: DAY, text: "less than one day" },
  high: { op: "<", value: WEEK, text: "between one day and one week" },
  medium: { op: "<", value: MONTH, text: "between one week and one month" },
  low: { text: "more than one month" },
};

// Deployment frequency is rated by deploy days (days with at least one successful deployment), not
// by deployments per day, so a burst cannot game it: ten deploys every Monday are one deploy day a
// week. Elite and high compare the median week's deploy days (deployDaysPerWeekMedian); medium
// compares the window's deploy days per 30 days (a week-based median cannot tell monthly from never).
const deploymentFrequency: MetricThresholds = {
  unit: "deployDays",
  elite: { op: ">=", value: 5, text: "on demand (daily): a deploy on at least 5 days in the median week" },
  high: { op: ">=", value: 1, text: "between daily and weekly: a deploy on at least 1 day in the median week" },
  medium: { op: ">=", value: 1, text: "between weekly and monthly: at least 1 deploy day per 30 days" },
  low: { text: "less than once per month" },
  note:
    "Elite and high: median over the window's weeks (weeks without a deploy count as 0) of the days with a deploy; " +
    "5 days is every working day of a week, DORA's 'daily'. Medium: deploy days in the window × 30 ÷ days in the window.",
};

export const DORA_THRESHOLDS = {
  2023: {
    year: 2023,
    source: "Accelerate State of DevOps Report 2023 (DORA, Google Cloud), software delivery performance levels; as tabled in product.md",
    metrics: {
      leadTime,
      deploymentFrequency,
      changeFailureRate: {
        unit: "fraction",
        elite: { op: "<=", value: 0.05, text: "5% or less" },
        high: { op: "<=", value: 0.1, text: "10% or less" },
        medium: { op: "<=", value: 0.15, text: "15% or less" },
        low: { text: "more than 15%" },
      },
      recoveryTime: {
        unit: "hours",
        elite: { op: "<", value: HOUR, text: "less than one hour" },
        high: { op: "<", value: DAY, text: "less than one day" },
        medium: { op: "<", value: WEEK, text: "between one day and one week" },
        low: { text: "more than one week" },
      },
    },
  },
  2024: {
    year: 2024,
    source: "Accelerate State of DevOps Report 2024 (DORA, Google Cloud), chapter 'Software delivery performance', the four performance clusters",
    metrics: {
      leadTime: { ...leadTime, low: { text: "between one month and six months (and longer)" } },
      deploymentFrequency: { ...deploymentFrequency, low: { text: "between once per month and once every six months (and less)" } },
      changeFailureRate: {
        unit: "fraction",
        elite: { op: "<=", value: 0.05, text: "5%" },
        high: { op: "<=", value: 0.2, text: "20%" },
        medium: { op: "<=", value: 0.1, text: "10%" },
        low: { text: "40%" },
        note:
          "The 2024 clusters give one typical change failure rate per cluster, and the medium cluster's (10%) is lower than the high " +
          "cluster's (20%). Read as upper bounds checked elite, high, medium in turn, a rate of 20% or less is high before medium " +
          "is reached, so medium cannot be reached for this metric in 2024; above 20% is low.",
      },
      recoveryTime: {
        unit: "hours",
        elite: { op: "<", value: HOUR, text: "less than one hour" },
        high: { op: "<", value: DAY, text: "less than one day" },
        medium: { op: "<", value: DAY, text: "less than one day" },
        low: { text: "between one week and one month" },
        note:
          "In 2024 the high and medium clusters both recover in less than one day, so medium cannot be reached for this metric; " +
          "one day or more (including the report's gap between one day and one week) is low.",
      },
    },
  },
} as const satisfies Record<number, DoraThresholdTable>;

export type ThresholdsYear = keyof typeof DORA_THRESHOLDS;
export const THRESHOLDS_YEARS = [2023, 2024] as const satisfies readonly ThresholdsYear[];
export const DEFAULT_THRESHOLDS_YEAR: ThresholdsYear = 2023;
