// Settings → Data sources: the connections Keel pulls history from (admins only). Each with its
// status, last sync, counts, last error in words and the running sync's progress; the form to add
// one (ConnectionForm.tsx); sync now; remove, confirmed.
import type { ConnectionView } from "@keel/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { formatDateTimeIn } from "@keel/shared/calendar";
import { QueryTable } from "../../components/QueryTable.tsx";
import { ConnectionForm, KIND_NAMES } from "./ConnectionForm.tsx";

const busy = (c: ConnectionView) => c.status === "syncing" || c.syncRequested;

function statusWords(c: ConnectionView): string {
  if (c.status === "syncing") return "Syncing";
  if (c.syncRequested) return "Sync queued";
  return c.status === "failed" ? "Failed" : "Idle";
}

function progressWords(c: ConnectionView): string | null {
  const p = c.progress;
  if (!p || c.status !== "syncing") return null;
  const waits = p.rateLimitWaits ? `, ${p.rateLimitWaits} rate-limit wait${p.rateLimitWaits === 1 ? "" : "s"}` : "";
  return `${p.records} records, ${p.pages} pages${waits}${p.resource ? ` (${p.resource})` : ""}`;
}

export function ConnectionsSection({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const connections = useQuery({
    ...trpc.connections.list.queryOptions(),
    // Follow a running sync until it is done.
    refetchInterval: (query) => (query.state.data?.connections.some(busy) ? 2_000 : false),
  });
  return (
    <QueryTable
      query={connections}
      noun="connections"
      lines={2}
      testId="connections-table"
      headers={["Source", "Status", "Last sync", "Brought in", "Actions"]}
      rows={(data) => data.connections}
      empty="No connections yet: add one to bring in your history."
      row={(c) => <ConnectionRow key={c.id} connection={c} timeZone={timeZone} />}
    >
      <ConnectionForm />
    </QueryTable>
  );
}

function ConnectionRow({ connection: c, timeZone }: { connection: ConnectionView; timeZone: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.connections.pathKey() });
  const sync = useMutation(trpc.connections.sync.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.connections.remove.mutationOptions({ onSuccess: refresh }));
  const name = c.kind === "pagerduty" ? c.services.join(", ") || "every service" : c.repositories.join(", ");
  const counts = c.counts;
  return (
    <tr data-connection={name}>
      <th scope="row">
        {KIND_NAMES[c.kind]} {name}
        <div className="muted">{[c.environment, c.apiUrl].filter(Boolean).join(" · ")}</div>
      </th>
      <td>
        <span data-testid="connection-status">{statusWords(c)}</span>
        {progressWords(c) ? <div className="muted">{progressWords(c)}</div> : null}
        {c.status === "failed" && c.lastError ? (
          <p className="field-error" data-testid="connection-error">
            {c.lastError}
          </p>
        ) : null}
      </td>
      <td className="nowrap">{c.lastSyncAt ? formatDateTimeIn(c.lastSyncAt, timeZone) : <span className="muted">never</span>}</td>
      <td data-testid="connection-counts">
        {counts.deployments ?? 0} deployments, {counts.changes ?? 0} changes, {counts.incidents ?? 0} incidents, {counts.builds ?? 0} builds
      </td>
      <td>
        {confirming ? (
          <span role="group" aria-label={`Remove ${name}?`}>
            Remove? The records it brought in stay.{" "}
            <button type="button" className="button button-danger button-small" onClick={() => remove.mutate({ id: c.id })} disabled={remove.isPending}>
              Remove
            </button>{" "}
            <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <>
            <button
              type="button"
              className="button button-small"
              onClick={() => sync.mutate({ id: c.id })}
              disabled={busy(c) || sync.isPending}
              aria-label={`Sync ${name} now`}
            >
              Sync now
            </button>{" "}
            <button type="button" className="button button-danger button-small" onClick={() => setConfirming(true)} aria-label={`Remove ${name}`}>
              Remove
            </button>
          </>
        )}
        {sync.isError || remove.isError ? (
          <p className="field-error" role="alert">
            {describeApiError(sync.error ?? remove.error)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
