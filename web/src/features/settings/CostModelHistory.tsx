import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { SettingsTable } from "../../components/SettingsTable.tsx";
import { EmptyState } from "../../components/StateMessage.tsx";
import { QueryView } from "../../components/QueryView.tsx";
import { versionChanges } from "./costModelChanges.ts";
import { changeText } from "./costModelText.ts";
import type { CostModelData } from "../costs/apiTypes.ts";
import type { CostModelScope } from "./CostModelForm.tsx";
import { formatDateTimeIn } from "@keel/shared/calendar";

/** Every version of one scope's cost model, newest first, each with what it changed and why. */
export function CostModelHistory({ scope, model, timeZone }: { scope: CostModelScope; model: CostModelData; timeZone: string }) {
  const trpc = useTRPC();
  const team = scope.kind === "team" ? scope : null;
  const history = useQuery(trpc.costModel.history.queryOptions(team ? { team: team.slug } : {}));
  const title = team ? `${team.name}'s versions` : "The organisation's versions";
  const testId = team ? `cost-history-team-${team.slug}` : "cost-history-org";

  return (
    <QueryView query={history} loadingLabel={`Loading ${title.toLowerCase()}…`} lines={2} errorTitle="The cost model's history could not be loaded.">
      {(versions) =>
        versions.length === 0 ? (
          <EmptyState>
            {team
              ? `${team.name} has no overrides yet: it follows the organisation's inputs.`
              : "No edits yet: the organisation uses the defaults (version 0)."}
          </EmptyState>
        ) : (
          <SettingsTable
            testId={testId}
            caption={title}
            className="cost-history"
            explicitRoles
            headers={[{ key: "version", label: "Version", className: "numeric" }, "Date", "What changed", "Note"]}
            // The organisation's first version is compared with the defaults; a team's with no overrides.
            rows={versionChanges(versions, team ? {} : model.defaults)}
            row={(row) => (
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
            )}
          />
        )
      }
    </QueryView>
  );
}
