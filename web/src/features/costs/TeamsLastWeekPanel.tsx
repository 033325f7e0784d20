// Which team slipped last week: each team's hours lost in the window's last week against the
// week before and its own weekly average. The rule and its sentence are the server's
// (metrics/teamSlipped.ts), read from that week's weekly report so the e-mail and this view agree.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { EmptyState } from "../../components/StateMessage.tsx";
import { formatHours, formatHoursChange, formatUsdCents } from "@keel/shared/numbers";
import { isoWeekOf } from "@keel/shared/calendar";
import { QueryView } from "../../components/QueryView.tsx";

export function TeamsLastWeekPanel({ team, lastWeek }: { team?: string; lastWeek: string }) {
  const trpc = useTRPC();
  const week = isoWeekOf(lastWeek);
  const report = useQuery(trpc.reports.weekly.queryOptions(team ? { week, team } : { week }));
  return (
    <QueryView query={report} loadingLabel="Loading hours lost per team…" lines={3} errorTitle="Hours lost per team could not be loaded.">
      {(data) => {
        const result = data.slipped;
        if (result.rows.length === 0) return <EmptyState>No team is set up yet: hours lost are counted for the whole organisation only.</EmptyState>;
        const isSlipped = (r: { team: string }) => r.team === result.slipped?.team;
        return (
          <>
            <p className="lead" data-testid="slipped-sentence">
              {result.sentence}
            </p>
            <DataTable
              caption="Hours lost per team last week"
              captionHidden
              className="teams-table"
              rows={result.rows}
              rowKey={(r) => r.team}
              rowClassName={(r) => (isSlipped(r) ? "row-flagged" : undefined)}
              columns={[
                {
                  key: "team",
                  header: "Team",
                  rowHeader: true,
                  cell: (r) => (
                    <>
                      {r.name}
                      {isSlipped(r) ? <span className="badge badge-warning">Slipped</span> : null}
                    </>
                  ),
                },
                { key: "hours", header: "Last week", numeric: true, cell: (r) => formatHours(r.hours) },
                { key: "cost", header: "Cost", numeric: true, cell: (r) => formatUsdCents(r.costUsd) },
                { key: "before", header: "Week before", numeric: true, cell: (r) => (r.weekBefore === null ? "–" : formatHours(r.weekBefore)) },
                { key: "average", header: "Weekly average before", numeric: true, cell: (r) => (r.average === null ? "–" : formatHours(r.average)) },
                { key: "above", header: "Above average", numeric: true, cell: (r) => (r.aboveAverage === null ? "–" : formatHoursChange(r.aboveAverage)) },
              ]}
            />
            <p className="muted" data-testid="slipped-how">
              {result.howComputed}
            </p>
          </>
        );
      }}
    </QueryView>
  );
}
