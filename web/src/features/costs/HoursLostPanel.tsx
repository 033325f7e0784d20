// Hours lost per week by cause (stacked bars) with the cumulative cost avoided by fixed flaky
// tests (a line in dollars), then the same numbers by cause and by week as tables.
import { useMemo } from "react";
import { EChart } from "../../charts/EChart.tsx";
import { HOURS_LOST_CAUSES, hoursLostByCauseOption, hoursLostChartLabel } from "../../charts/options/hoursLostByCause.ts";
import { countOf } from "../../format/counts.ts";
import { formatDecimal, formatHours, formatShare, formatUsd } from "../../format/costFigures.ts";
import { weekLabelWithYear } from "../../format/weeks.ts";
import type { HoursLostData } from "./apiTypes.ts";
import { cumulativeAvoided } from "./costAvoidedSeries.ts";

export function HoursLostPanel({ hours }: { hours: HoursLostData }) {
  const fixed = hours.costAvoided.fixedTests.tests;
  const avoided = useMemo(
    () => (fixed.length ? cumulativeAvoided(hours.series.length, hours.window.from, hours.costAvoided.asOf, fixed) : undefined),
    [fixed, hours.series.length, hours.window.from, hours.costAvoided.asOf],
  );
  const option = useMemo(() => hoursLostByCauseOption(hours.series, avoided), [hours.series, avoided]);
  const label = hoursLostChartLabel(hours.series, avoided ? hours.costAvoided.fixedTests.costUsd : undefined);
  return (
    <>
      <EChart option={option} ariaLabel={label} className="chart-tall" />
      <CauseTable hours={hours} />
      <details className="data-table">
        <summary>Show the numbers by week</summary>
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Engineering hours lost per week by cause, with cost</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                {HOURS_LOST_CAUSES.map((c) => (
                  <th key={c.key} scope="col" className="numeric">
                    {c.label}
                  </th>
                ))}
                <th scope="col" className="numeric">
                  Total
                </th>
                <th scope="col" className="numeric">
                  Cost
                </th>
                {avoided ? (
                  <th scope="col" className="numeric">
                    Cost avoided so far
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {hours.series.map((w, i) => (
                <tr key={w.bucketStart}>
                  <th scope="row">{weekLabelWithYear(w.bucketStart)}</th>
                  {HOURS_LOST_CAUSES.map((c) => (
                    <td key={c.key} className="numeric">
                      {formatHours(w[c.key])}
                    </td>
                  ))}
                  <td className="numeric">{formatHours(w.total)}</td>
                  <td className="numeric">{formatUsd(w.costUsd)}</td>
                  {avoided ? <td className="numeric">{formatUsd(avoided[i] ?? 0)}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}

function CauseTable({ hours }: { hours: HoursLostData }) {
  const s = hours.summary;
  const what = {
    flakyTests: countOf(s.counts.blockingFailures, "blocking flaky failure"),
    changeFailures: countOf(s.counts.incidents, "incident caused by a change", "incidents caused by changes"),
    rework: countOf(s.counts.reworkDeployments, "rollback or hotfix", "rollbacks or hotfixes"),
  };
  const share = (v: number | null) => (v === null ? "unknown" : formatShare(v));
  return (
    <div className="table-scroll">
      <table className="cause-table">
        <caption>Hours lost by cause</caption>
        <thead>
          <tr>
            <th scope="col">Cause</th>
            <th scope="col" className="numeric">
              Hours
            </th>
            <th scope="col" className="numeric">
              Cost
            </th>
            <th scope="col" className="numeric">
              Share of capacity
            </th>
            <th scope="col" className="numeric">
              Sprints a month
            </th>
            <th scope="col" className="numeric">
              Weeks before
            </th>
          </tr>
        </thead>
        <tbody>
          {HOURS_LOST_CAUSES.map((c) => {
            const cause = s.byCause[c.key];
            return (
              <tr key={c.key}>
                <th scope="row">
                  <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                  {c.label}
                  <span className="cell-sub">{what[c.key]}</span>
                </th>
                <td className="numeric" data-testid={`cause-hours-${c.key}`}>
                  {formatHours(cause.hours)}
                </td>
                <td className="numeric" data-testid={`cause-cost-${c.key}`}>
                  {formatUsd(cause.costUsd)}
                </td>
                <td className="numeric">{share(cause.capacityShare)}</td>
                <td className="numeric">{cause.sprintsLostPerMonth === null ? "unknown" : formatDecimal(cause.sprintsLostPerMonth, 2)}</td>
                <td className="numeric">{formatHours(s.previous[c.key])}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td className="numeric">{formatHours(s.total)}</td>
            <td className="numeric" data-testid="cause-cost-total">
              {formatUsd(s.costUsd)}
            </td>
            <td className="numeric">{share(s.capacityShare)}</td>
            <td className="numeric">{s.sprintsLostPerMonth === null ? "unknown" : formatDecimal(s.sprintsLostPerMonth, 2)}</td>
            <td className="numeric">{formatHours(s.previous.total)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
