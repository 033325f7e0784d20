// The Investment view: for one team, its changes by category per week against its debt target,
// beside its hours lost per week, and one sentence on whether the debt time is paying off; then
// its costliest flaky tests with their fix payback, and every team side by side.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link } from "react-router";
import { useTRPC } from "../../api/trpc.ts";
import { EChart } from "../../charts/EChart.tsx";
import { hoursLostByCauseOption, hoursLostChartLabel } from "../../charts/options/hoursLostByCause.ts";
import { INVESTMENT_CATEGORIES, investmentChartLabel, investmentSharesOption } from "../../charts/options/investmentShares.ts";
import { EmptyState } from "../../components/StateMessage.tsx";
import { formatCount } from "../../format/counts.ts";
import { formatHours, formatShare, formatUsd } from "../../format/costFigures.ts";
import { possessive } from "../../format/text.ts";
import { weekLabelWithYear } from "../../format/weeks.ts";
import type { InvestmentData, TeamInvestmentData } from "../costs/apiTypes.ts";
import { costQueryInput, type CostFilters } from "../costs/costFilters.ts";
import { QueryView } from "../costs/QueryView.tsx";
import { paybackText } from "../flaky/payback.ts";
import { testShortName, testWhere } from "../flaky/testName.ts";
import { payingOffSentence } from "./payingOff.ts";

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
        {payingOffSentence({ name: team.name, changes: t.changes, debtShare: t.debtShare, target: team.target, trend: team.hoursLostTrend })}
      </p>
      <p className="muted">
        {t.unclassifiedShare === null ? "No changes to classify." : `${formatShare(t.unclassifiedShare)} of its changes are unclassified (no category, label or commit prefix said what they were).`}{" "}
        Target {formatShare(team.target)} ({team.targetSource === "team" ? "the team's own" : "the organisation's"}). The trend compares the mean weekly
        hours lost of the first third of these weeks with the last third.
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
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{possessive(team.name)} changes by category and hours lost per week</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                <th scope="col" className="numeric">
                  Changes
                </th>
                {INVESTMENT_CATEGORIES.map((c) => (
                  <th key={c.key} scope="col" className="numeric">
                    {c.label}
                  </th>
                ))}
                <th scope="col">Debt vs target</th>
                <th scope="col" className="numeric">
                  Hours lost
                </th>
                <th scope="col" className="numeric">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {team.series.map((w, i) => {
                const h = team.hoursLost[i];
                return (
                  <tr key={w.bucketStart}>
                    <th scope="row">{weekLabelWithYear(w.bucketStart)}</th>
                    <td className="numeric">{formatCount(w.changes)}</td>
                    {INVESTMENT_CATEGORIES.map((c) => (
                      <td key={c.key} className="numeric">
                        {w.shares[c.key] === null ? "–" : formatShare(w.shares[c.key] ?? 0)}
                      </td>
                    ))}
                    <td>{w.status}</td>
                    <td className="numeric">{h ? formatHours(h.total) : "–"}</td>
                    <td className="numeric">{h ? formatUsd(h.costUsd) : "–"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
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
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">{possessive(teamName)} top flaky tests by hours lost</caption>
                  <thead>
                    <tr>
                      <th scope="col">Test</th>
                      <th scope="col" className="numeric">
                        Hours lost
                      </th>
                      <th scope="col" className="numeric">
                        Cost
                      </th>
                      <th scope="col">State</th>
                      <th scope="col" className="numeric">
                        Fix pays back in
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.tests.map((t) => (
                      <tr key={t.id}>
                        <th scope="row">
                          <span className="test-name">{testShortName(t)}</span>
                          <span className="test-where">{testWhere(t)}</span>
                        </th>
                        <td className="numeric">{formatHours(t.hoursLost)}</td>
                        <td className="numeric">{formatUsd(t.costUsd)}</td>
                        <td>
                          <span className={`badge badge-state-${t.state}`}>{t.state}</span>
                        </td>
                        <td className="numeric">{paybackText(t)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
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
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Debt share against target and hours-lost trend, per team</caption>
          <thead>
            <tr>
              <th scope="col">Team</th>
              <th scope="col" className="numeric">
                Changes
              </th>
              <th scope="col" className="numeric">
                Debt
              </th>
              <th scope="col" className="numeric">
                Target
              </th>
              <th scope="col">Against target</th>
              <th scope="col" className="numeric">
                Unclassified
              </th>
              <th scope="col">Hours lost a week</th>
            </tr>
          </thead>
          <tbody>
            {data.teams.map((t) => (
              <tr key={t.team} className={t.team === chosen ? "row-selected" : undefined}>
                <th scope="row">{t.name}</th>
                <td className="numeric">{formatCount(t.total.changes)}</td>
                <td className="numeric">{t.total.debtShare === null ? "–" : formatShare(t.total.debtShare)}</td>
                <td className="numeric">{formatShare(t.target)}</td>
                <td>
                  <span className={`badge ${t.total.status === "above" ? "badge-above" : t.total.status === "below" ? "badge-below" : "badge-neutral"}`}>
                    {t.total.status}
                  </span>
                </td>
                <td className="numeric">{t.total.unclassifiedShare === null ? "–" : formatShare(t.total.unclassifiedShare)}</td>
                <td>
                  {t.hoursLostTrend
                    ? `${TREND_WORDS[t.hoursLostTrend.direction]}: ${formatHours(t.hoursLostTrend.first)} → ${formatHours(t.hoursLostTrend.last)}`
                    : "–"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
