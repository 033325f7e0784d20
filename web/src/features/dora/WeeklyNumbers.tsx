import { DataTable } from "../../components/DataTable.tsx";
import { formatCount, formatDuration, formatPercent } from "@keel/shared/numbers";
import { weekIsPartial, type DoraMetrics } from "./doraView.ts";
import { dateLabel } from "@keel/shared/calendar";

const or = (value: number | null, show: (v: number) => string) => (value === null ? "–" : show(value));

/** The charts' numbers as a table: for screen readers, keyboard users and copying. */
export function WeeklyNumbers({ report }: { report: DoraMetrics }) {
  return (
    <details className="data-table">
      <summary>Show the weekly numbers</summary>
      <DataTable
        caption="DORA metrics per week"
        captionHidden
        rows={report.series}
        rowKey={(week) => week.bucketStart}
        columns={[
          {
            key: "week",
            header: "Week of",
            rowHeader: true,
            cell: (week) => (
              <>
                {dateLabel(week.bucketStart)}
                {weekIsPartial(week.bucketStart, report.window.to, report.timeZone) ? " (so far)" : ""}
              </>
            ),
          },
          { key: "deployments", header: "Deployments", numeric: true, cell: (week) => formatCount(week.deployments) },
          { key: "leadTime", header: "Lead time (median)", numeric: true, cell: (week) => or(week.leadTimeMedianHours, formatDuration) },
          {
            key: "failureRate",
            header: "Change failure rate",
            numeric: true,
            cell: (week) => (
              <>
                {or(week.changeFailureRate, formatPercent)}
                {week.deployments > 0 ? <span className="muted"> ({formatCount(week.failedDeployments)})</span> : null}
              </>
            ),
          },
          { key: "recovery", header: "Recovery (median)", numeric: true, cell: (week) => or(week.recoveryMedianHours, formatDuration) },
          { key: "rework", header: "Rework rate", numeric: true, cell: (week) => or(week.reworkRate, formatPercent) },
        ]}
      />
    </details>
  );
}
