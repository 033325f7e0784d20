// Where pull requests wait: the median hours of each phase (coding, pickup, review, deploy) per
// week, stacked, from dora.pullRequests (docs/metrics.md §6). A stack is a picture of the typical
// pull request's path, not a sum of medians that any one PR took; the tooltip gives each phase's
// median, p90 and how many PRs it rests on.
import { formatHours } from "@keel/shared/numbers";
import type { EChartsOption } from "../echarts.ts";
import { okabeIto } from "../palette.ts";
import { barValue, gridWithLegend, tooltipLine, tooltipTitle } from "./chartParts.ts";
import { stackedBar, valueAxis, weekOf, weeklyBarsFrame, weekSpan } from "./weeklyBars.ts";

export interface PhaseFigures {
  medianHours: number | null;
  p90Hours: number | null;
  count: number;
}

export interface PullRequestWeek {
  /** Monday of the week, as the organisation's local date. */
  bucketStart: string;
  pullRequests: number;
  codingHours: PhaseFigures;
  pickupHours: PhaseFigures;
  reviewHours: PhaseFigures;
  deployHours: PhaseFigures;
}

export const PR_PHASES = [
  { key: "codingHours", label: "Coding", color: okabeIto.blue },
  { key: "pickupHours", label: "Pickup", color: okabeIto.orange },
  { key: "reviewHours", label: "Review", color: okabeIto.vermillion },
  { key: "deployHours", label: "Deploy", color: okabeIto.bluishGreen },
] as const;

const figure = (p: PhaseFigures) =>
  p.medianHours === null
    ? "no data"
    : `${formatHours(p.medianHours)} median · ${formatHours(p.p90Hours ?? p.medianHours)} p90 (${p.count} PR${p.count === 1 ? "" : "s"})`;

/** The tooltip of one week: each phase's median, p90 and PR count, and the week's PR count. */
export function pullRequestWeekTooltip(week: PullRequestWeek): string {
  return [
    tooltipTitle(weekOf(week)),
    ...PR_PHASES.map((p) => tooltipLine(p.color, p.label, figure(week[p.key]))),
    tooltipLine(null, "Pull requests deployed", String(week.pullRequests)),
  ].join("");
}

/** Stacked weekly bars of each phase's median hours; a phase without data that week is a gap. */
export function pullRequestPhasesOption(weeks: PullRequestWeek[]): EChartsOption {
  const tooltips = weeks.map(pullRequestWeekTooltip);
  return {
    ...weeklyBarsFrame(weeks, tooltips),
    grid: { ...gridWithLegend, right: 16 },
    yAxis: valueAxis((v) => `${v} h`),
    series: PR_PHASES.map((p) =>
      stackedBar(
        "phases",
        p,
        weeks.map((w) => barValue(w[p.key].medianHours ?? 0)),
      ),
    ),
  };
}

/** The phase with the largest median over the window, or null when no phase has one. */
export function longestPhase(summary: Omit<PullRequestWeek, "bucketStart">): { label: string; medianHours: number } | null {
  let best: { label: string; medianHours: number } | null = null;
  for (const p of PR_PHASES) {
    const m = summary[p.key].medianHours;
    if (m !== null && (best === null || m > best.medianHours)) best = { label: p.label, medianHours: m };
  }
  return best;
}

/** The chart's accessible name: what it plots, over which weeks, and where PRs wait longest. */
export function pullRequestPhasesLabel(weeks: PullRequestWeek[], summary: Omit<PullRequestWeek, "bucketStart">): string {
  const span = weekSpan(weeks);
  if (span === null) return "Bar chart of pull-request phases per week: no weeks to show.";
  const longest = longestPhase(summary);
  return (
    `Stacked bar chart of the median hours of each pull-request phase per week (coding, pickup, review, deploy), ` +
    `${span}.` +
    (longest ? ` Longest over these weeks: ${longest.label.toLowerCase()}, ${formatHours(longest.medianHours)} median.` : "")
  );
}
