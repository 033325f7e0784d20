// The Executive view's content for one window and team: the business sentences, the headline
// figures, hours lost per week by cause with the cost avoided, which team slipped last week, and
// what fixes saved. One hours-lost answer feeds the figures, the chart and the tables, so they
// cannot disagree; the sentences come from the API's summaries for the same filters.
import { useQuery } from "@tanstack/react-query";
import { API_DOCS_URL } from "../../api/links.ts";
import { useTRPC } from "../../api/trpc.ts";
import { EmptyState } from "../../components/StateMessage.tsx";
import { CostAvoidedPanel } from "./CostAvoidedPanel.tsx";
import { costQueryInput, costWindow, type CostFilters } from "./costFilters.ts";
import { ExecutiveFigures } from "./ExecutiveFigures.tsx";
import { HoursLostPanel } from "./HoursLostPanel.tsx";
import { QueryView } from "../../components/QueryView.tsx";
import { SummaryList } from "./SummaryList.tsx";
import { TeamsLastWeekPanel } from "./TeamsLastWeekPanel.tsx";
import { useTeams } from "./useTeams.ts";
import { addDays, dateRangeLabel } from "@keel/shared/calendar";

export function ExecutiveReport({ filters, today }: { filters: CostFilters; today: string }) {
  const trpc = useTRPC();
  const input = costQueryInput(filters, today);
  const span = costWindow(filters.weeks, today);
  const hours = useQuery(trpc.costs.hoursLost.queryOptions(input));
  const summaries = useQuery(trpc.costs.summaries.queryOptions(input));
  const teams = useTeams();
  const teamName = filters.team ? (teams.data?.find((t) => t.slug === filters.team)?.name ?? filters.team) : "All teams";

  return (
    <div className="executive">
      <p className="print-only print-scope">
        {teamName} · {dateRangeLabel(span.from, addDays(span.to, -1))}
        {hours.data ? ` · cost model ${hours.data.costModel.label}` : ""}
      </p>

      <section className="panel exec-figures" aria-labelledby="exec-figures-heading">
        <h2 id="exec-figures-heading">Hours lost and what they cost</h2>
        <QueryView query={hours} loadingLabel="Loading hours lost…" lines={3} errorTitle="Hours lost could not be loaded.">
          {(data) => <ExecutiveFigures hours={data} />}
        </QueryView>
      </section>

      <section className="panel exec-summaries" aria-labelledby="exec-summaries-heading">
        <h2 id="exec-summaries-heading">In plain words</h2>
        <QueryView query={summaries} loadingLabel="Loading the summaries…" lines={4} errorTitle="The summaries could not be loaded.">
          {(data) => <SummaryList summaries={data.summaries} />}
        </QueryView>
      </section>

      <section className="panel exec-chart" aria-labelledby="exec-chart-heading">
        <h2 id="exec-chart-heading">Hours lost per week, by cause</h2>
        <QueryView query={hours} loadingLabel="Loading the weekly chart…" chart errorTitle="Hours lost could not be loaded.">
          {(data) =>
            data.series.every((w) => w.total === 0) && data.costAvoided.totalCostUsd === 0 ? (
              <EmptyState>
                Nothing was lost in these weeks: no blocking flaky failure, no incident caused by a change, no rollback or hotfix. If that is surprising, check
                that deployments, incidents and CI builds reach Keel (see the <a href={API_DOCS_URL}>API docs</a>).
              </EmptyState>
            ) : (
              <HoursLostPanel hours={data} />
            )
          }
        </QueryView>
      </section>

      <section className="panel exec-teams" aria-labelledby="exec-teams-heading">
        <h2 id="exec-teams-heading">Which team slipped last week</h2>
        <TeamsLastWeekPanel team={filters.team} lastWeek={span.lastWeek} />
      </section>

      <section className="panel exec-avoided" aria-labelledby="exec-avoided-heading">
        <h2 id="exec-avoided-heading">What fixes saved</h2>
        <QueryView query={hours} loadingLabel="Loading cost avoided…" lines={2} errorTitle="Cost avoided could not be loaded.">
          {(data) => <CostAvoidedPanel costAvoided={data.costAvoided} timeZone={data.timeZone} period="these weeks" />}
        </QueryView>
      </section>
    </div>
  );
}
