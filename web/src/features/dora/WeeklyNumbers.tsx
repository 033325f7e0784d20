import { formatCount } from "../../format/counts.ts";
import { formatHours } from "../../format/durations.ts";
import { formatPercent } from "../../format/numbers.ts";
import { weekLabelWithYear } from "../../format/weeks.ts";
import { weekIsPartial, type DoraMetrics } from "./doraView.ts";

const or = (value: number | null, show: (v: number) => string) => (value === null ? "–" : show(value));

/** The charts' numbers as a table: for screen readers, keyboard users and copying. */
export function WeeklyNumbers({ report }: { report: DoraMetrics }) {
  return (
    <details className="data-table">
      <summary>Show the weekly numbers</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">DORA metrics per week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col" className="numeric">
                Deployments
              </th>
              <th scope="col" className="numeric">
                Lead time (median)
              </th>
              <th scope="col" className="numeric">
                Change failure rate
              </th>
              <th scope="col" className="numeric">
                Recovery (median)
              </th>
              <th scope="col" className="numeric">
                Rework rate
              </th>
            </tr>
          </thead>
          <tbody>
            {report.series.map((week) => (
              <tr key={week.bucketStart}>
                <th scope="row">
                  {weekLabelWithYear(week.bucketStart)}
                  {weekIsPartial(week.bucketStart, report.window.to, report.timeZone) ? " (so far)" : ""}
                </th>
                <td className="numeric">{formatCount(week.deployments)}</td>
                <td className="numeric">{or(week.leadTimeMedianHours, formatHours)}</td>
                <td className="numeric">
                  {or(week.changeFailureRate, formatPercent)}
                  {week.deployments > 0 ? <span className="muted"> ({formatCount(week.failedDeployments)})</span> : null}
                </td>
                <td className="numeric">{or(week.recoveryMedianHours, formatHours)}</td>
                <td className="numeric">{or(week.reworkRate, formatPercent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
