import { useMemo } from "react";
import { EChart } from "../../charts/EChart.tsx";
import { doraTrendOption, trendValueText } from "../../charts/options/doraTrend.ts";
import type { Trend } from "./doraTrends.ts";
import { trendLabel } from "./doraTrends.ts";
import { WeeklyNumbers } from "./WeeklyNumbers.tsx";
// In this lazily loaded chunk too: it draws with ECharts (DoraOverview mounts it).
export { PullRequestPhases } from "./PullRequestPhases.tsx";
import { goalTargetText, trendTarget } from "../goals/goalText.ts";
import type { GoalView } from "../goals/useGoals.ts";
import type { DoraMetrics } from "./doraView.ts";

/** One line chart per metric by week, then the same numbers as a table. Loaded lazily (it brings ECharts). */
export default function TrendCharts({ trends, report, goals = {} }: { trends: Trend[]; report: DoraMetrics; goals?: Partial<Record<Trend["key"], GoalView>> }) {
  return (
    <section className="trends" aria-labelledby="trends-heading">
      <h2 id="trends-heading">Weekly trends</h2>
      <p className="muted trends-hint">Hover or tap a chart for a week’s value and what it rests on. A hollow point is the current week so far.</p>
      <div className="trend-grid">
        {trends.map((trend) => (
          <TrendChart key={trend.key} trend={trend} goal={goals[trend.key]} />
        ))}
      </div>
      <WeeklyNumbers report={report} />
    </section>
  );
}

function TrendChart({ trend, goal }: { trend: Trend; goal: GoalView | undefined }) {
  const option = useMemo(
    () =>
      doraTrendOption(trend.points, {
        name: trend.title.replace(/ per week$/, ""),
        unit: trend.unit,
        color: trend.color,
        ...(goal ? { target: { value: trendTarget(goal), label: `Goal ${goalTargetText(goal)} by ${goal.by}` } } : {}),
      }),
    [trend, goal],
  );
  const headingId = `trend-${trend.key}`;
  return (
    <figure className="panel trend" aria-labelledby={headingId} data-metric={trend.key}>
      <h3 id={headingId}>{trend.title}</h3>
      <p className="trend-caption">{trend.caption}</p>
      <EChart option={option} ariaLabel={trendLabel(trend, (v) => trendValueText(v, trend.unit))} className="chart-small" />
    </figure>
  );
}
