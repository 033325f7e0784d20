import { NumbersByWeek } from "../../components/NumbersByWeek.tsx";
import { formatCount, formatDuration, formatPercent } from "@keel/shared/numbers";
import { weekIsPartial, type DoraMetrics } from "./doraView.ts";

const or = (value: number | null, show: (v: number) => string) => (value === null ? "–" : show(value));

/** The charts' numbers as a table: for screen readers, keyboard users and copying. */
export function WeeklyNumbers({ report }: { report: DoraMetrics }) {
  return (
    <NumbersByWeek
      summary="Show the weekly numbers"
      caption="DORA metrics per week"
      weeks={report.series}
      weekNote={(week) => (weekIsPartial(week.bucketStart, report.window.to, report.timeZone) ? " (so far)" : "")}
      columns={[
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
  );
}
