// Which team slipped last week: each team's hours lost in the window's last week against the
// week before and its own weekly average, from the API's weekly hours lost per team.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
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
            <div className="table-scroll">
              <table className="teams-table">
                <caption className="visually-hidden">Hours lost per team last week</caption>
                <thead>
                  <tr>
                    <th scope="col">Team</th>
                    <th scope="col" className="numeric">
                      Last week
                    </th>
                    <th scope="col" className="numeric">
                      Cost
                    </th>
                    <th scope="col" className="numeric">
                      Week before
                    </th>
                    <th scope="col" className="numeric">
                      Weekly average before
                    </th>
                    <th scope="col" className="numeric">
                      Above average
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((r) => (
                    <tr key={r.team} className={r === result.slipped ? "row-flagged" : undefined}>
                      <th scope="row">
                        {r.name}
                        {r === result.slipped ? <span className="badge badge-warning">Slipped</span> : null}
                      </th>
                      <td className="numeric">{formatHours(r.hours)}</td>
                      <td className="numeric">{formatUsd(r.costUsd)}</td>
                      <td className="numeric">{r.weekBefore === null ? "–" : formatHours(r.weekBefore)}</td>
                      <td className="numeric">{r.average === null ? "–" : formatHours(r.average)}</td>
                      <td className="numeric">{r.aboveAverage === null ? "–" : formatHoursChange(r.aboveAverage)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        );
      }}
    </QueryView>
  );
}
