// Hours lost per week by cause (stacked bars) with the cumulative cost avoided by fixed flaky
// tests (a line in dollars), then the same numbers by cause and by week as tables.
import { useMemo } from "react";
import { EChart } from "../../charts/EChart.tsx";
import { HOURS_LOST_CAUSES, hoursLostByCauseOption, hoursLostChartLabel } from "../../charts/options/hoursLostByCause.ts";
import { DataTable, type Column } from "../../components/DataTable.tsx";
import { NumbersByWeek } from "../../components/NumbersByWeek.tsx";
import { countOf, formatDecimal, formatHours, formatPercent, formatUsdCents } from "@keel/shared/numbers";
import type { HoursLostData } from "./apiTypes.ts";
import { causeHoursColumns } from "./causeHoursColumns.ts";
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
      <NumbersByWeek
        summary="Show the numbers by week"
        caption="Engineering hours lost per week by cause, with cost"
        weeks={hours.series}
        columns={[
          ...causeHoursColumns((w: HoursLostData["series"][number]) => w),
          { key: "total", header: "Total", numeric: true, cell: (w) => formatHours(w.total) },
          { key: "cost", header: "Cost", numeric: true, cell: (w) => formatUsdCents(w.costUsd) },
          ...(avoided
            ? [{ key: "avoided", header: "Cost avoided so far", numeric: true, cell: (_: unknown, i: number) => formatUsdCents(avoided[i] ?? 0) }]
            : []),
        ]}
      />
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
  const share = (v: number | null) => (v === null ? "unknown" : formatPercent(v));
  const sprints = (v: number | null) => (v === null ? "unknown" : formatDecimal(v, 2));
  return (
    <DataTable
      caption="Hours lost by cause"
      className="cause-table"
      rows={HOURS_LOST_CAUSES}
      rowKey={(c) => c.key}
      columns={[
        {
          key: "cause",
          header: "Cause",
          rowHeader: true,
          cell: (c) => (
            <>
              <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
              {c.label}
              <span className="cell-sub">{what[c.key]}</span>
            </>
          ),
          footer: "Total",
        },
        { ...figure("hours", "Hours", formatHours, (c) => s.byCause[c.key].hours, s.total), testId: (c) => `cause-hours-${c.key}` },
        {
          ...figure("cost", "Cost", formatUsdCents, (c) => s.byCause[c.key].costUsd, s.costUsd),
          testId: (c) => `cause-cost-${c.key}`,
          footerTestId: "cause-cost-total",
        },
        figure("share", "Share of capacity", share, (c) => s.byCause[c.key].capacityShare, s.capacityShare),
        figure("sprints", "Sprints a month", sprints, (c) => s.byCause[c.key].sprintsLostPerMonth, s.sprintsLostPerMonth),
        figure("before", "Weeks before", formatHours, (c) => s.previous[c.key], s.previous.total),
      ]}
    />
  );
}

type Cause = (typeof HOURS_LOST_CAUSES)[number];

/** A figure per cause, with the causes' total in the footer row written the same way. */
function figure<V>(key: string, header: string, show: (value: V) => string, ofCause: (cause: Cause) => V, total: V): Column<Cause> {
  return { key, header, numeric: true, cell: (c) => show(ofCause(c)), footer: show(total) };
}
