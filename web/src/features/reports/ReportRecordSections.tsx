// The weekly report's last two sections (WeeklyReportView.tsx renders them): the week's incidents
// and the cost model its figures were computed with.
import { DataTable } from "../../components/DataTable.tsx";
import { EmptyState } from "../../components/StateMessage.tsx";
import { formatSpanIn } from "@keel/shared/calendar";
import { formatHours, formatUsdCents } from "@keel/shared/numbers";
import type { WeeklyReportData } from "../costs/apiTypes.ts";
import { INPUT_COLUMNS, inputValueText } from "../costs/HowComputed.tsx";

export function IncidentsSection({ r }: { r: WeeklyReportData }) {
  return (
    <section className="panel" aria-labelledby="report-incidents">
      <h2 id="report-incidents">Incidents</h2>
      {r.incidents.length === 0 ? (
        <EmptyState>No incident was open this week.</EmptyState>
      ) : (
        <DataTable
          rows={r.incidents}
          rowKey={(i) => i.id}
          columns={[
            {
              key: "incident",
              header: "Incident",
              rowHeader: true,
              cell: (i) => (
                <>
                  <span className="test-name">{i.title ?? i.id}</span>
                  <span className="test-where">{i.id}</span>
                </>
              ),
            },
            {
              key: "service",
              header: "Service",
              cell: (i) => (
                <>
                  {i.service ?? "–"}
                  <span className="cell-sub">{i.severity ?? "no severity"}</span>
                </>
              ),
            },
            { key: "open", header: "Open", cell: (i) => formatSpanIn(i.openedAt, i.resolvedAt, r.timeZone) },
            { key: "recovery", header: "Recovery", numeric: true, cell: (i) => (i.recoveryHours === null ? "–" : formatHours(i.recoveryHours)) },
            {
              key: "responders",
              header: "Responders",
              numeric: true,
              cell: (i) => (
                <>
                  {i.responders}
                  {i.respondersFromModel ? " (default)" : ""}
                </>
              ),
            },
            { key: "changeFailure", header: "Change failure", cell: (i) => (i.changeFailure ? (i.counted ? "yes" : "yes, not counted this week") : "no") },
            { key: "hours", header: "Hours lost", numeric: true, cell: (i) => (i.counted ? formatHours(i.hoursLost) : "–") },
            { key: "cost", header: "Cost", numeric: true, cell: (i) => (i.counted ? formatUsdCents(i.costUsd) : "–") },
          ]}
        />
      )}
    </section>
  );
}

export function CostModelSection({ r }: { r: WeeklyReportData }) {
  const m = r.costModel.inputs;
  const rows: [string, string][] = [
    ["Loaded hourly rate", `${formatUsdCents(m.loadedHourlyRateUsd)} an hour`],
    ["Hours per week", inputValueText(m.hoursPerWeek, "hours")],
    ["Sprint length", inputValueText(m.sprintWeeks, "weeks")],
    ["Context switch per blocking failure", inputValueText(m.contextSwitchMinutes, "minutes")],
    ["Wait factor", inputValueText(m.waitFactor, "fraction")],
    ["CI cost per minute", `$${m.ciCostPerMinuteUsd}`],
    ["Incident responders (default)", inputValueText(m.incidentResponders, "people")],
    ["Rework hours per rework deployment", inputValueText(m.reworkHoursPerDeployment, "hours")],
    ["Fix effort per flaky test (default)", inputValueText(m.fixEffortHours, "hours")],
  ];
  return (
    <section className="panel" aria-labelledby="report-model">
      <h2 id="report-model">Cost model</h2>
      <p className="muted">{r.costModel.label}</p>
      <DataTable rows={rows.map(([name, value]) => ({ name, value }))} rowKey={(input) => input.name} columns={INPUT_COLUMNS} />
    </section>
  );
}
