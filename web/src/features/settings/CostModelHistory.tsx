import { useQuery } from "@tanstack/react-query";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { EmptyState, ErrorState, LoadingState } from "../../components/StateMessage.tsx";
import { versionChanges } from "./costModelChanges.ts";
import { changeText } from "./costModelText.ts";
import type { CostModelData } from "../costs/apiTypes.ts";
import type { CostModelScope } from "./CostModelForm.tsx";
import { formatDateTimeIn } from "../../format/calendar.ts";

/** Every version of one scope's cost model, newest first, each with what it changed and why. */
export function CostModelHistory({ scope, model, timeZone }: { scope: CostModelScope; model: CostModelData; timeZone: string }) {
  const trpc = useTRPC();
  const team = scope.kind === "team" ? scope : null;
  const history = useQuery(trpc.costModel.history.queryOptions(team ? { team: team.slug } : {}));
  const title = team ? `${team.name}'s versions` : "The organisation's versions";
  const testId = team ? `cost-history-team-${team.slug}` : "cost-history-org";

  if (history.isPending) return <LoadingState label={`Loading ${title.toLowerCase()}…`} lines={2} />;
  if (history.isError)
    return (
      <ErrorState
        title="The cost model's history could not be loaded."
        detail={describeApiError(history.error)}
        onRetry={() => void history.refetch()}
        retrying={history.isFetching}
      />
    );
  if (history.data.length === 0) {
    return (
      <EmptyState>
        {team ? `${team.name} has no overrides yet: it follows the organisation's inputs.` : "No edits yet: the organisation uses the defaults (version 0)."}
      </EmptyState>
    );
  }
  // The organisation's first version is compared with the defaults; a team's with no overrides.
  const rows = versionChanges(history.data, team ? {} : model.defaults);
  return (
    <div className="table-scroll">
      {/* Explicit roles: on a phone the rows are stacked with CSS, which would otherwise cost the table its semantics in some browsers. */}
      <table className="settings-table cost-history" data-testid={testId} role="table">
        <caption className="visually-hidden">{title}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader" className="numeric">
              Version
            </th>
            <th scope="col" role="columnheader">
              Date
            </th>
            <th scope="col" role="columnheader">
              What changed
            </th>
            <th scope="col" role="columnheader">
              Note
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => (
            <tr key={row.version} data-version={row.version} role="row">
              <th scope="row" role="rowheader" className="numeric cost-history-version">
                {row.version}
              </th>
              <td role="cell" className="nowrap cost-history-date">
                {formatDateTimeIn(row.createdAt, timeZone)}
              </td>
              <td role="cell" className="cost-history-changes">
                {row.changes.length === 0 ? (
                  <span className="muted">no input changed</span>
                ) : (
                  <ul>
                    {row.changes.map((change) => (
                      <li key={change.input}>{changeText(change, model.definitions[change.input])}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td role="cell" className="cost-history-note">
                {row.note ?? <span className="muted">none</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
