// Plain-language text for the deployments trend. Every number in it comes from the same
// response the chart draws, so sentence and chart cannot disagree.
import { countOf } from "../../format/counts.ts";
import { weekLabelWithYear } from "../../format/weeks.ts";
import type { WeekDeployments } from "../../charts/options/deploymentsPerWeek.ts";

interface SummaryInput {
  total: number;
  weeks: number;
  team?: string | undefined;
  service?: string | undefined;
  environment?: string;
}

/** "312 successful production deployments in the last 12 weeks and this week so far." */
export function deploymentTotalSentence({ total, weeks, team, service, environment = "production" }: SummaryInput): string {
  const what = countOf(total, `successful ${environment} deployment`);
  const scope = [service ? `of service ${service}` : "", team ? `by team ${team}` : ""].filter(Boolean).join(" ");
  // The window also holds the current, unfinished week: say so rather than round it away.
  return `${[what, scope].filter(Boolean).join(" ")} in the last ${countOf(weeks, "week")} and this week so far.`;
}

/** The chart's accessible name: what it plots and over which weeks. */
export function deploymentChartLabel(series: WeekDeployments[]): string {
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return "Bar chart of successful deployments per week: no weeks to show.";
  const peak = series.reduce((max, w) => (w.deployments > max.deployments ? w : max), first);
  return (
    `Bar chart of successful deployments per week, from the week of ${weekLabelWithYear(first.bucketStart)} ` +
    `to the week of ${weekLabelWithYear(last.bucketStart)}. ` +
    `Busiest: the week of ${weekLabelWithYear(peak.bucketStart)}, ${countOf(peak.deployments, "deployment")}.`
  );
}
