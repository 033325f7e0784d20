// Settings → Data sources: the form that adds a connection (GitHub, GitLab or PagerDuty). The fields
// follow the source chosen; the token is sent once and never shown again. Checked with the same
// schema the server uses (ConnectionCreate), so a field is refused beside itself before it is sent.
import { CONNECTION_KINDS, ConnectionCreate } from "@keel/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { fieldErrors, serverFieldErrors, type FieldErrors } from "../settings/formErrors.ts";

type Kind = (typeof CONNECTION_KINDS)[number];
type Field = "repositories" | "projects" | "services" | "token" | "environment" | "since" | "apiUrl";

export const KIND_NAMES: Record<Kind, string> = { github: "GitHub", gitlab: "GitLab", pagerduty: "PagerDuty" };

/** Each source's fields, in order, with their label and help. */
const FIELDS: Record<Kind, [Field, string, string][]> = {
  github: [
    ["repositories", "Repositories", "owner/name, several separated by commas"],
    ["token", "Token", "A token that reads deployments, issues and actions; stored encrypted, never shown again"],
    ["environment", "Environment", "The deployments' environment that counts as production"],
    ["since", "Since", "Bring in history from this day (2026-01-01); empty: everything"],
    ["apiUrl", "API URL", "GitHub Enterprise Server only: https://HOST/api/v3"],
  ],
  gitlab: [
    ["projects", "Projects", "group/name (subgroups allowed) or a numeric id, several separated by commas"],
    ["token", "Token", "An access token with read_api; stored encrypted, never shown again"],
    ["environment", "Environment", "The deployments' environment that counts as production"],
    ["since", "Since", "Bring in history from this day (2026-01-01); empty: everything"],
    ["apiUrl", "API URL", "Self-managed GitLab only: https://HOST/api/v4"],
  ],
  pagerduty: [
    ["services", "Services", "PagerDuty service ids (PIJ90N7), several separated by commas; empty: every service the token reads"],
    ["token", "Token", "A read-only REST API key; stored encrypted, never shown again"],
    ["since", "Since", "Bring in incidents from this day (2026-01-01); empty: the last year"],
    ["apiUrl", "API URL", "The EU service region only: https://api.eu.pagerduty.com"],
  ],
};

const LISTS: readonly Field[] = ["repositories", "projects", "services"];
const EMPTY: Record<Field, string> = { repositories: "", projects: "", services: "", token: "", environment: "production", since: "", apiUrl: "" };

export function ConnectionForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>("github");
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.connections.create.mutationOptions({
      onSuccess: async () => {
        setForm(EMPTY);
        await queryClient.invalidateQueries({ queryKey: trpc.connections.pathKey() });
      },
      onError: (error) => setErrors(serverFieldErrors(error) ?? {}),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: Record<string, unknown> = { kind };
    for (const [key] of FIELDS[kind]) {
      const value = form[key].trim();
      if (LISTS.includes(key)) input[key] = value.split(/[\s,]+/).filter(Boolean);
      else if (value || key === "token") input[key] = value;
    }
    const parsed = ConnectionCreate.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data);
  }

  return (
    <form className="settings-form" onSubmit={submit} aria-labelledby="new-connection-heading" noValidate>
      <h3 id="new-connection-heading">Connect {KIND_NAMES[kind]}</h3>
      <div className="settings-fields">
        <div className="field">
          <label htmlFor="connection-kind">Source</label>
          <select
            id="connection-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as Kind);
              setErrors({});
            }}
          >
            {CONNECTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_NAMES[k]}
              </option>
            ))}
          </select>
        </div>
        {FIELDS[kind].map(([key, label, help]) => (
          <div className="field" key={key}>
            <label htmlFor={`connection-${key}`}>{label}</label>
            <input
              id={`connection-${key}`}
              type={key === "token" ? "password" : "text"}
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
        ))}
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
