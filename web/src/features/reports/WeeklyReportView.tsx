// The weekly health report as accessible HTML sections, rendered from reports.weekly's JSON (React
// escapes every text; nothing is injected as HTML): the summaries, the DORA metrics, hours lost by
// cause, cost avoided, the top flaky tests, investment balance, the week's incidents and the
// cost model.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { formatCount, formatDecimal, formatHours, formatPercent, formatPointsChange, formatUsdCents } from "@keel/shared/numbers";
import { HOURS_LOST_CAUSES } from "../../charts/options/hoursLostByCause.ts";
import type { WeeklyReportData } from "../costs/apiTypes.ts";
import { causeHoursColumns } from "../costs/causeHoursColumns.ts";
import { CostAvoidedPanel } from "../costs/CostAvoidedPanel.tsx";
import { QueryView } from "../../components/QueryView.tsx";
import { SummaryList } from "../costs/SummaryList.tsx";
import { TestNameCell } from "../costs/TestNameCell.tsx";
import { paybackText } from "../flaky/payback.ts";
import { testShortName } from "../flaky/testName.ts";
import { categoryShareColumns } from "../investment/categoryShareColumns.ts";
import { doraRows } from "./doraRows.ts";
import { MarkdownDownload } from "./MarkdownDownload.tsx";
import { localDate, dateRangeLabel } from "@keel/shared/calendar";
import { ReportGoals } from "./ReportGoals.tsx";
import { CostModelSection, IncidentsSection } from "./ReportRecordSections.tsx";

type ReportTeam = WeeklyReportData["investment"]["teams"][number];
type ReportTeamHours = WeeklyReportData["byTeam"][number];

export function WeeklyReportView({ week, team }: { week: string; team: string | undefined }) {
  const trpc = useTRPC();
  const report = useQuery(trpc.reports.weekly.queryOptions(team ? { week, team } : { week }));
  return (
    <QueryView query={report} loadingLabel="Loading the weekly report…" lines={6} errorTitle="The weekly report could not be loaded.">
      {(r) => <Report r={r} />}
    </QueryView>
  );
}

function Report({ r }: { r: WeeklyReportData }) {
  const scope = r.team ? `${r.team.name} team` : "the organisation";
  const from = localDate(new Date(r.window.from), r.timeZone);
  const lastDay = localDate(new Date(Date.parse(r.window.to) - 1), r.timeZone);
  return (
    <article className="weekly-report" aria-labelledby="report-heading" data-week={r.week}>
      <header className="panel report-header">
        <h2 id="report-heading">
          Weekly health report {r.week}: {scope}
        </h2>
        <p className="muted">
          Monday to Sunday, {dateRangeLabel(from, lastDay)} ({r.timeZone}), production. Compared with {r.previousWeek}. DORA levels: the {r.dora.thresholdsYear}{" "}
          report. Cost model: {r.costModel.label}.
        </p>
        {isEmptyWeek(r) ? (
          <p className="lead" role="note">
            Keel has no deployment, change, incident or flaky failure for {scope} in this week: every figure below is zero or blank.
          </p>
        ) : null}
        <MarkdownDownload week={r.week} team={r.team?.slug} />
      </header>

      <section className="panel" aria-labelledby="report-summary">
        <h2 id="report-summary">Summary</h2>
        <SummaryList summaries={r.summaries} />
      </section>

      <section className="panel" aria-labelledby="report-dora">
        <h2 id="report-dora">DORA metrics</h2>
        <DataTable
          rows={doraRows(r.dora.summary)}
          rowKey={(row) => row.metric}
          columns={[
            { key: "metric", header: "Metric", rowHeader: true, cell: (row) => row.metric },
            { key: "thisWeek", header: "This week", numeric: true, cell: (row) => row.thisWeek },
            { key: "level", header: "Level", cell: (row) => row.level },
            { key: "previous", header: "Previous week", numeric: true, cell: (row) => row.previous },
            { key: "change", header: "Change", numeric: true, cell: (row) => row.change },
          ]}
        />
      </section>

      <ReportGoals r={r} />

      <HoursSection r={r} />

      <section className="panel" aria-labelledby="report-avoided">
        <h2 id="report-avoided">Cost avoided</h2>
        <CostAvoidedPanel costAvoided={r.costAvoided} timeZone={r.timeZone} period="this week" />
      </section>

      <FlakySection r={r} />
      <InvestmentSection r={r} />
      <IncidentsSection r={r} />
      <CostModelSection r={r} />
    </article>
  );
}

function isEmptyWeek(r: WeeklyReportData): boolean {
  return (
    r.dora.summary.deploymentFrequency.deployments === 0 &&
    r.investment.total.changes === 0 &&
    r.incidents.length === 0 &&
    r.hoursLost.total === 0 &&
    r.flaky.total === 0
  );
}

function HoursSection({ r }: { r: WeeklyReportData }) {
  const h = r.hoursLost;
  const what = {
    flakyTests: `${formatCount(h.counts.blockingFailures)} blocking flaky failures`,
    changeFailures: `${formatCount(h.counts.incidents)} incidents attributed to a deployment`,
    rework: `${formatCount(h.counts.reworkDeployments)} rollbacks or hotfixes`,
  };
  const b = h.capacityBasis;
  return (
    <section className="panel" aria-labelledby="report-hours">
      <h2 id="report-hours">Engineering hours lost</h2>
      <DataTable
        rows={HOURS_LOST_CAUSES}
        rowKey={(c) => c.key}
        columns={[
          { key: "cause", header: "Cause", rowHeader: true, cell: (c) => c.label, footer: "Total" },
          { key: "what", header: "What", cell: (c) => what[c.key], footer: null },
          { key: "hours", header: "Hours", numeric: true, cell: (c) => formatHours(h[c.key]), footer: formatHours(h.total) },
          {
            key: "cost",
            header: "Cost",
            numeric: true,
            cell: (c) => formatUsdCents(h.costByCause[c.key]),
            footer: formatUsdCents(h.costUsd),
            footerTestId: "report-total-cost",
          },
          { key: "previous", header: "Previous week", numeric: true, cell: (c) => formatHours(h.previous[c.key]), footer: formatHours(h.previous.total) },
        ]}
      />
      <p className="table-note">
        {h.capacityShare === null || h.sprintsLostPerMonth === null
          ? "Capacity share: unknown (no team size is set for this scope), not zero."
          : `Capacity share: ${formatPercent(h.capacityShare)} of ${r.team ? `the team's ${b.engineers} engineers` : `the ${b.engineers} engineers of teams with a known size`}; ${formatDecimal(h.sprintsLostPerMonth, 2)} sprints lost per month.`}{" "}
        CI minutes burned by flaky reruns: {formatDecimal(h.ciMinutes, 0)} ({formatUsdCents(h.ciCostUsd)}).
      </p>
      {r.team === null && r.byTeam.length > 0 ? (
        <DataTable
          caption="By team"
          rows={r.byTeam}
          rowKey={(t) => t.team}
          columns={[
            { key: "team", header: "Team", rowHeader: true, cell: (t) => t.name },
            ...causeHoursColumns((t: ReportTeamHours) => t.summary),
            { key: "total", header: "Total", numeric: true, cell: (t) => formatHours(t.summary.total) },
            { key: "cost", header: "Cost", numeric: true, cell: (t) => formatUsdCents(t.summary.costUsd) },
          ]}
        />
      ) : null}
    </section>
  );
}

function FlakySection({ r }: { r: WeeklyReportData }) {
  const { infrastructureOutages: outages, brokenTests: broken } = r.flaky;
  return (
    <section className="panel" aria-labelledby="report-flaky">
      <h2 id="report-flaky">Top flaky tests by hours lost</h2>
      {r.topFlakyTests.length === 0 ? (
        <p className="muted">No flaky failure this week.</p>
      ) : (
        <DataTable
          rows={r.topFlakyTests}
          rowKey={(t) => t.id}
          columns={[
            { key: "rank", header: "#", numeric: true, cell: (_, i) => i + 1 },
            { key: "test", header: "Test", rowHeader: true, cell: (t) => <TestNameCell test={t} /> },
            { key: "state", header: "State", cell: (t) => <span className={`badge badge-state-${t.state}`}>{t.state}</span> },
            { key: "flaky", header: "Flaky failures", numeric: true, cell: (t) => formatCount(t.flakyFailures) },
            { key: "blocking", header: "Blocking", numeric: true, cell: (t) => formatCount(t.blockingFailures) },
            { key: "hours", header: "Hours lost", numeric: true, cell: (t) => formatHours(t.hoursLost) },
            { key: "cost", header: "Cost", numeric: true, cell: (t) => formatUsdCents(t.costUsd) },
            { key: "payback", header: "Fix pays back in", numeric: true, cell: (t) => paybackText(t) },
          ]}
        />
      )}
      {outages.length ? (
        <p className="table-note">
          Infrastructure outages (left out of flakiness): {outages.map((o) => `${o.buildId} (${o.failed} of ${o.tests} tests failed)`).join("; ")}.
        </p>
      ) : null}
      {broken.length ? (
        <p className="table-note">
          Broken tests (failed on every attempt; not flaky, no hours): {broken.map((b) => `${testShortName(b)} (${b.failedExecutions} failures)`).join("; ")}.
        </p>
      ) : null}
    </section>
  );
}

function InvestmentSection({ r }: { r: WeeklyReportData }) {
  return (
    <section className="panel" aria-labelledby="report-investment">
      <h2 id="report-investment">Investment balance</h2>
      {r.investment.teams.length === 0 ? (
        <p className="muted">No team in scope.</p>
      ) : (
        <DataTable
          rows={r.investment.teams}
          rowKey={(t) => t.team}
          columns={[
            { key: "team", header: "Team", rowHeader: true, cell: (t) => t.name },
            { key: "changes", header: "Changes", numeric: true, cell: (t) => formatCount(t.total.changes) },
            ...categoryShareColumns((t: ReportTeam) => t.total.shares),
            {
              key: "target",
              header: "Debt target",
              numeric: true,
              cell: (t) => (
                <>
                  {formatPercent(t.target)}
                  {t.targetSource === "team" ? " (team)" : ""}
                </>
              ),
            },
            {
              key: "status",
              header: "Debt vs target",
              cell: (t) =>
                t.total.status === "no changes" || t.total.againstTarget === null ? (
                  "no changes"
                ) : (
                  <>
                    <span className={`badge badge-${t.total.status}`}>{t.total.status}</span> {formatPointsChange(t.total.againstTarget)}
                  </>
                ),
            },
            { key: "hours", header: "Hours lost", numeric: true, cell: (t) => formatHours(t.hoursLost.reduce((s, b) => s + b.total, 0)) },
          ]}
        />
      )}
    </section>
  );
}
