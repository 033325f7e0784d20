import type { WeekDeployments } from "../../charts/options/deploymentsPerWeek.ts";
import { formatCount } from "../../format/counts.ts";
import { weekLabelWithYear } from "../../format/weeks.ts";

/** The chart's numbers as a table: for screen readers, keyboard users and copying. */
export function DeploymentWeeksTable({ series }: { series: WeekDeployments[] }) {
  return (
    <details className="data-table">
      <summary>Show the numbers</summary>
      <table>
        <caption className="visually-hidden">Successful deployments per week</caption>
        <thead>
          <tr>
            <th scope="col">Week of</th>
            <th scope="col" className="numeric">
              Deployments
            </th>
          </tr>
        </thead>
        <tbody>
          {series.map((week) => (
            <tr key={week.bucketStart}>
              <th scope="row">{weekLabelWithYear(week.bucketStart)}</th>
              <td className="numeric">{formatCount(week.deployments)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
