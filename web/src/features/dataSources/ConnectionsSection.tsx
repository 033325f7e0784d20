// Settings → Data sources: the connections Keel pulls history from (admins only). Each with its
// status, last sync, counts, last error in words and the running sync's progress; a form to add a
// GitHub connection (the token is sent once and never shown again); sync now; remove, confirmed.
import { GithubConnectionCreate, type ConnectionView } from "@keel/shared";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { ErrorState, LoadingState } from "../../components/StateMessage.tsx";
import { fieldErrors, serverFieldErrors, type FieldErrors } from "../settings/formErrors.ts";
import { formatDateTimeIn } from "../../format/calendar.ts";

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
  if (connections.isPending) return <LoadingState label="Loading connections…" lines={2} />;
  if (connections.isError) {
    return (
      <ErrorState
        title="The connections could not be loaded."
        detail={describeApiError(connections.error)}
        onRetry={() => void connections.refetch()}
        retrying={connections.isFetching}
      />
    );
  }
  return (
    <>
      {connections.data.connections.length === 0 ? (
        <p className="muted">No connections yet: add one to bring in your history.</p>
      ) : (
        <div className="table-scroll">
          <table className="settings-table" data-testid="connections-table">
            <caption className="visually-hidden">Connections</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Status</th>
                <th scope="col">Last sync</th>
                <th scope="col">Brought in</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {connections.data.connections.map((c) => (
                <ConnectionRow key={c.id} connection={c} timeZone={timeZone} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AddGithubForm />
    </>
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
        {c.kind === "pagerduty" ? "PagerDuty" : "GitHub"} {name}
        <div className="muted">
          {c.environment}
          {c.apiUrl ? ` · ${c.apiUrl}` : ""}
        </div>
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

function AddGithubForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ repositories: "", token: "", environment: "production", since: "", apiUrl: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.connections.create.mutationOptions({
      onSuccess: async () => {
        setForm({ repositories: "", token: "", environment: "production", since: "", apiUrl: "" });
        await queryClient.invalidateQueries({ queryKey: trpc.connections.pathKey() });
      },
      onError: (error) => setErrors(serverFieldErrors(error) ?? {}),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = GithubConnectionCreate.safeParse({
      kind: "github",
      token: form.token,
      repositories: form.repositories.split(/[\s,]+/).filter(Boolean),
      environment: form.environment,
      ...(form.since ? { since: form.since } : {}),
      ...(form.apiUrl ? { apiUrl: form.apiUrl } : {}),
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    create.mutate({ ...parsed.data, kind: "github" });
  }

  const field = (key: keyof typeof form, label: string, help: string, type = "text") => (
    <div className="field">
      <label htmlFor={`connection-${key}`}>{label}</label>
      <input
        id={`connection-${key}`}
        type={type}
        autoComplete="off"
        value={form[key]}
        onChange={(e) => setForm({ ...form, [key]: e.target.value })}
        aria-invalid={Boolean(errors[key])}
        aria-describedby={`connection-${key}-help`}
      />
      <p className={errors[key] ? "field-error" : "field-help"} id={`connection-${key}-help`}>
        {errors[key] ?? help}
      </p>
    </div>
  );

  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby="new-connection-heading" noValidate>
      <h3 id="new-connection-heading">Connect GitHub</h3>
      <div className="settings-fields">
        {field("repositories", "Repositories", "owner/name, several separated by commas")}
        {field("token", "Token", "A token that reads deployments, issues and actions; stored encrypted, never shown again", "password")}
        {field("environment", "Environment", "The deployments' environment that counts as production")}
        {field("since", "Since", "Bring in history from this day (2026-01-01); empty: everything")}
        {field("apiUrl", "API URL", "GitHub Enterprise Server only: https://HOST/api/v3")}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Connecting…" : "Connect and sync"}
        </button>
        {create.isError ? (
          <p className="field-error" role="alert">
            Not connected: {describeApiError(create.error)}
          </p>
        ) : null}
      </div>
    </form>
  );
}
