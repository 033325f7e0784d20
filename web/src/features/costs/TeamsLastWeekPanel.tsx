// Which team slipped last week: each team's hours lost in the window's last week against the
// week before and its own weekly average, from the API's weekly hours lost per team.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { EmptyState } from "../../components/StateMessage.tsx";
import { formatHours, formatHoursChange, formatUsd } from "../../format/costFigures.ts";
import type { CostFiltersQuery } from "./apiTypes.ts";
import { QueryView } from "./QueryView.tsx";
import { slippedSentence, teamsLastWeek } from "./teamsLastWeek.ts";

export function TeamsLastWeekPanel({ input, lastWeek }: { input: CostFiltersQuery; lastWeek: string }) {
  const trpc = useTRPC();
  const balance = useQuery(trpc.investment.balance.queryOptions(input));
  return (
    <QueryView query={balance} loadingLabel="Loading hours lost per team…" lines={3} errorTitle="Hours lost per team could not be loaded.">
      {(data) => {
        if (data.teams.length === 0) return <EmptyState>No team is set up yet: hours lost are counted for the whole organisation only.</EmptyState>;
        const result = teamsLastWeek(data.teams, lastWeek);
        return (
          <>
            <p className="lead" data-testid="slipped-sentence">
              {slippedSentence(result)}
            </p>
            <DataTable
              caption="Hours lost per team last week"
              captionHidden
              className="teams-table"
              rows={result.rows}
              rowKey={(r) => r.team}
              rowClassName={(r) => (r === result.slipped ? "row-flagged" : undefined)}
              columns={[
                {
                  key: "team",
                  header: "Team",
                  rowHeader: true,
                  cell: (r) => (
                    <>
                      {r.name}
                      {r === result.slipped ? <span className="badge badge-warning">Slipped</span> : null}
                    </>
                  ),
                },
                { key: "hours", header: "Last week", numeric: true, cell: (r) => formatHours(r.hours) },
                { key: "cost", header: "Cost", numeric: true, cell: (r) => formatUsd(r.costUsd) },
                { key: "before", header: "Week before", numeric: true, cell: (r) => (r.weekBefore === null ? "–" : formatHours(r.weekBefore)) },
                { key: "average", header: "Weekly average before", numeric: true, cell: (r) => (r.average === null ? "–" : formatHours(r.average)) },
                { key: "above", header: "Above average", numeric: true, cell: (r) => (r.aboveAverage === null ? "–" : formatHoursChange(r.aboveAverage)) },
              ]}
            />
          </>
        );
      }}
    </QueryView>
  );
}
