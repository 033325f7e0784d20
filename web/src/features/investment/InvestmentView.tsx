// The Investment view: for one team, its changes by category per week against its debt target,
// beside its hours lost per week, and one sentence on whether the debt time is paying off; then
// its costliest flaky tests with their fix payback, and every team side by side.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link } from "react-router";
import { useTRPC } from "../../api/trpc.ts";
import { EChart } from "../../charts/EChart.tsx";
import { hoursLostByCauseOption, hoursLostChartLabel } from "../../charts/options/hoursLostByCause.ts";
import { investmentChartLabel, investmentSharesOption } from "../../charts/options/investmentShares.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { EmptyState } from "../../components/StateMessage.tsx";
import { formatCount, formatHours, formatPercent, formatUsdCents } from "@keel/shared/numbers";
import { possessive } from "../../format/text.ts";
import type { InvestmentData, TeamInvestmentData } from "../costs/apiTypes.ts";
import { costQueryInput, type CostFilters } from "../costs/costFilters.ts";
import { QueryView } from "../../components/QueryView.tsx";
import { TestNameCell } from "../costs/TestNameCell.tsx";
import { paybackText } from "../flaky/payback.ts";
import { categoryShareColumns } from "./categoryShareColumns.ts";
import { HowComputed } from "../costs/HowComputed.tsx";
import { dateLabel } from "@keel/shared/calendar";

const TREND_WORDS = { rising: "rising", falling: "falling", flat: "flat" } as const;

export function InvestmentView({ filters, today, team }: { filters: CostFilters; today: string; team: string | undefined }) {
  const trpc = useTRPC();
  // Every team in one answer: switching teams is instant, and the comparison table needs them all.
  const balance = useQuery(trpc.investment.balance.queryOptions(costQueryInput({ weeks: filters.weeks }, today)));
  return (
    <QueryView query={balance} loadingLabel="Loading the investment balance…" lines={3} chart errorTitle="The investment balance could not be loaded.">
      {(data) => {
        if (data.teams.length === 0) return <EmptyState>No team is set up yet. Teams come with the services in deployment events.</EmptyState>;
        const chosen = data.teams.find((t) => t.team === (team ?? data.teams[0]?.team));
        if (!chosen) return <EmptyState>There is no team “{team}”. Choose one above.</EmptyState>;
        return (
          <>
            <TeamBalance team={chosen} />
            <TeamFlakyTests filters={{ weeks: filters.weeks, team: chosen.team }} today={today} teamName={chosen.name} />
            <AllTeams data={data} chosen={chosen.team} />
          </>
        );
      }}
    </QueryView>
  );
}

function TeamBalance({ team }: { team: TeamInvestmentData }) {
  const sharesOption = useMemo(() => investmentSharesOption(team.series, team.target), [team.series, team.target]);
  const hoursOption = useMemo(() => hoursLostByCauseOption(team.hoursLost), [team.hoursLost]);
  const t = team.total;
  return (
    <section className="panel" aria-labelledby="paying-off-heading" data-team={team.team}>
      <h2 id="paying-off-heading">Is {possessive(team.name)} debt allocation paying off?</h2>
      <p className="lead answer" data-testid="paying-off">
        {team.payingOff.text}
      </p>
      <HowComputed how={team.payingOff.howComputed} id="paying-off" />
      <p className="muted">
        {t.unclassifiedShare === null
          ? "No changes to classify."
          : `${formatPercent(t.unclassifiedShare)} of its changes are unclassified (no category, label or commit prefix said what they were).`}{" "}
        Target {formatPercent(team.target)} ({team.targetSource === "team" ? "the team's own" : "the organisation's"}). The trend compares the mean weekly hours
        lost of the first third of these weeks with the last third.
      </p>
      <div className="chart-pair">
        <div>
          <h3>Changes by category, per week</h3>
          <EChart option={sharesOption} ariaLabel={investmentChartLabel(team.name, team.series, team.target, t.debtShare)} />
        </div>
        <div>
          <h3>Hours lost per week</h3>
          <EChart option={hoursOption} ariaLabel={hoursLostChartLabel(team.hoursLost)} />
        </div>
      </div>
      <details className="data-table">
        <summary>Show the numbers by week</summary>
        <DataTable
          caption={`${possessive(team.name)} changes by category and hours lost per week`}
          captionHidden
          rows={team.series.map((w, i) => ({ w, h: team.hoursLost[i] }))}
          rowKey={({ w }) => w.bucketStart}
          columns={[
            { key: "week", header: "Week of", rowHeader: true, cell: ({ w }) => dateLabel(w.bucketStart) },
            { key: "changes", header: "Changes", numeric: true, cell: ({ w }) => formatCount(w.changes) },
            ...categoryShareColumns(({ w }: { w: TeamInvestmentData["series"][number] }) => w.shares),
            { key: "status", header: "Debt vs target", cell: ({ w }) => w.status },
            { key: "hours", header: "Hours lost", numeric: true, cell: ({ h }) => (h ? formatHours(h.total) : "–") },
            { key: "cost", header: "Cost", numeric: true, cell: ({ h }) => (h ? formatUsdCents(h.costUsd) : "–") },
          ]}
        />
      </details>
    </section>
  );
}

function TeamFlakyTests({ filters, today, teamName }: { filters: CostFilters; today: string; teamName: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.flaky.list.queryOptions({ filters: costQueryInput(filters, today), limit: 5 }));
  const link = `/flaky-tests?${new URLSearchParams({ ...(filters.weeks === 13 ? {} : { weeks: String(filters.weeks) }), team: filters.team ?? "" }).toString()}`;
  return (
    <section className="panel" aria-labelledby="team-flaky-heading">
      <h2 id="team-flaky-heading">{possessive(teamName)} costliest flaky tests</h2>
      <QueryView query={list} loadingLabel="Loading flaky tests…" lines={3} errorTitle="Flaky tests could not be loaded.">
        {(data) =>
          data.tests.length === 0 ? (
            <p className="muted">No flaky test in {possessive(teamName)} builds in these weeks.</p>
          ) : (
            <>
              <DataTable
                caption={`${possessive(teamName)} top flaky tests by hours lost`}
                captionHidden
                rows={data.tests}
                rowKey={(t) => t.id}
                columns={[
                  { key: "test", header: "Test", rowHeader: true, cell: (t) => <TestNameCell test={t} /> },
                  { key: "hours", header: "Hours lost", numeric: true, cell: (t) => formatHours(t.hoursLost) },
                  { key: "cost", header: "Cost", numeric: true, cell: (t) => formatUsdCents(t.costUsd) },
                  { key: "state", header: "State", cell: (t) => <span className={`badge badge-state-${t.state}`}>{t.state}</span> },
                  { key: "payback", header: "Fix pays back in", numeric: true, cell: (t) => paybackText(t) },
                ]}
              />
              <p className="table-note">
                <Link to={link}>All of {possessive(teamName)} flaky tests</Link>
              </p>
            </>
          )
        }
      </QueryView>
    </section>
  );
}

function AllTeams({ data, chosen }: { data: InvestmentData; chosen: string }) {
  return (
    <section className="panel" aria-labelledby="all-teams-heading">
      <h2 id="all-teams-heading">Every team</h2>
      <DataTable
        caption="Debt share against target and hours-lost trend, per team"
        captionHidden
        rows={data.teams}
        rowKey={(t) => t.team}
        rowClassName={(t) => (t.team === chosen ? "row-selected" : undefined)}
        columns={[
          { key: "team", header: "Team", rowHeader: true, cell: (t) => t.name },
          { key: "changes", header: "Changes", numeric: true, cell: (t) => formatCount(t.total.changes) },
          { key: "debt", header: "Debt", numeric: true, cell: (t) => (t.total.debtShare === null ? "–" : formatPercent(t.total.debtShare)) },
          { key: "target", header: "Target", numeric: true, cell: (t) => formatPercent(t.target) },
          {
            key: "status",
            header: "Against target",
            cell: (t) => (
              <span className={`badge ${t.total.status === "above" ? "badge-above" : t.total.status === "below" ? "badge-below" : "badge-neutral"}`}>
                {t.total.status}
              </span>
            ),
          },
          {
            key: "unclassified",
            header: "Unclassified",
            numeric: true,
            cell: (t) => (t.total.unclassifiedShare === null ? "–" : formatPercent(t.total.unclassifiedShare)),
          },
          {
            key: "trend",
            header: "Hours lost a week",
            cell: (t) =>
              t.hoursLostTrend
                ? `${TREND_WORDS[t.hoursLostTrend.direction]}: ${formatHours(t.hoursLostTrend.first)} → ${formatHours(t.hoursLostTrend.last)}`
                : "–",
          },
        ]}
      />
    </section>
  );
}
