import type { ReactNode } from "react";
import { EmptyState } from "../../components/StateMessage.tsx";
import { useTeams } from "./useTeams.ts";

/**
 * A team in the URL that does not exist (a stale link, a typo) gets one plain message instead of
 * every panel failing with the server's "invalid team". While the list loads, the panels load too.
 */
export function KnownTeamGate({ team, onClear, children }: { team: string | undefined; onClear: () => void; children: ReactNode }) {
  const teams = useTeams();
  if (team && teams.data && !teams.data.some((t) => t.slug === team)) {
    return (
      <EmptyState>
        <p>There is no team “{team}”.</p>
        <button type="button" className="button button-quiet" onClick={onClear}>
          Show all teams
        </button>
      </EmptyState>
    );
  }
  return <>{children}</>;
}
