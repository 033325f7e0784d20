// The metrics Keel names in tiles, tables, goals and reports, as data: each one's title, unit,
// which direction is better and whether DORA publishes levels for it. The server's report, the
// goals and the web app's tiles read this table, so a metric is named and judged alike everywhere.
// No zod here, so the web app's first load can use it: "@keel/shared/metricCatalogue".
//
// A new DORA-style metric: an entry here (and in DORA_METRIC_KEYS when it is a tile), then its SQL,
// arithmetic and answer (docs/architecture.md, "A new DORA-style metric").

export interface MetricInfo {
  /** "Lead time for changes": the tile's title. */
  title: string;
  /** The statistic a table names after the title: "Lead time for changes (median)". */
  statistic?: "median";
  /** "hours", "per day", "hours per week" or "share" (a fraction: 0.15 is 15%). */
  unit: "hours" | "per day" | "hours per week" | "share";
  /** Which way is better: a rise in deployment frequency is good, a rise in lead time is not. */
  better: "lower" | "higher";
  /** Whether the DORA report publishes elite/high/medium/low levels for it (shared/src/doraThresholds.ts). */
  levels: boolean;
}

/** Keys are the names the DORA API (summary fields) and the cost API already use. */
export const METRICS = {
  deploymentFrequency: { title: "Deployment frequency", unit: "per day", better: "higher", levels: true },
  leadTime: { title: "Lead time for changes", statistic: "median", unit: "hours", better: "lower", levels: true },
  changeFailureRate: { title: "Change failure rate", unit: "share", better: "lower", levels: true },
  recoveryTime: { title: "Failed deployment recovery time", statistic: "median", unit: "hours", better: "lower", levels: true },
  reworkRate: { title: "Deployment rework rate", unit: "share", better: "lower", levels: false },
  hoursLost: { title: "Engineering hours lost", unit: "hours per week", better: "lower", levels: false },
  flakyTestHours: { title: "Hours lost to flaky tests", unit: "hours per week", better: "lower", levels: false },
  debtShare: { title: "Debt share (investment balance)", unit: "share", better: "higher", levels: false },
} as const satisfies Record<string, MetricInfo>;

export type MetricName = keyof typeof METRICS;

/** The five DORA metrics, in the order the Overview's tiles and the report's table show them. */
export const DORA_METRIC_KEYS = ["deploymentFrequency", "leadTime", "changeFailureRate", "recoveryTime", "reworkRate"] as const;
export type DoraMetricKey = (typeof DORA_METRIC_KEYS)[number];

/** The title with its statistic, as a table row or a goal names it: "Lead time for changes (median)". */
export function metricLabel(name: MetricName): string {
  const m: MetricInfo = METRICS[name];
  return m.statistic ? `${m.title} (${m.statistic})` : m.title;
}
