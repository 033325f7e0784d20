// Settings → Data sources: the form that adds a connection (GitHub, GitLab or PagerDuty). The fields
// follow the source chosen; the token is sent once and never shown again. Checked with the same
// schema the server uses (ConnectionCreate), so a field is refused beside itself before it is sent.
import { CONNECTION_KINDS, ConnectionCreate } from "@keel/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { Field } from "../../components/Field.tsx";
import { SubmitRow } from "../../components/SubmitRow.tsx";
import { Options } from "../../components/Options.tsx";
import { fieldErrors, serverFieldErrors, type FieldErrors } from "../settings/formErrors.ts";

type Kind = (typeof CONNECTION_KINDS)[number];
type Input = "repositories" | "projects" | "services" | "token" | "environment" | "since" | "apiUrl";

export const KIND_NAMES: Record<Kind, string> = { github: "GitHub", gitlab: "GitLab", pagerduty: "PagerDuty" };

type Row = [Input, string, string];

/** GitHub and GitLab ask the same things: what to read, a token, the environment, since when, a self-hosted server's API. */
function gitHostFields(what: Row, tokenHelp: string, apiUrlHelp: string): Row[] {
  return [
    what,
    ["token", "Token", tokenHelp],
    ["environment", "Environment", "The deployments' environment that counts as production"],
    ["since", "Since", "Bring in history from this day (2026-01-01); empty: everything"],
    ["apiUrl", "API URL", apiUrlHelp],
  ];
}

/** Each source's fields, in order, with their label and help. */
const FIELDS: Record<Kind, Row[]> = {
  github: gitHostFields(
    ["repositories", "Repositories", "owner/name, several separated by commas"],
    "A token that reads deployments, issues and actions; stored encrypted, never shown again",
    "GitHub Enterprise Server only: https://HOST/api/v3",
  ),
  gitlab: gitHostFields(
    ["projects", "Projects", "group/name (subgroups allowed) or a numeric id, several separated by commas"],
    "An access token with read_api; stored encrypted, never shown again",
    "Self-managed GitLab only: https://HOST/api/v4",
  ),
  pagerduty: [
    ["services", "Services", "PagerDuty service ids (PIJ90N7), several separated by commas; empty: every service the token reads"],
    ["token", "Token", "A read-only REST API key; stored encrypted, never shown again"],
    ["since", "Since", "Bring in incidents from this day (2026-01-01); empty: the last year"],
    ["apiUrl", "API URL", "The EU service region only: https://api.eu.pagerduty.com"],
  ],
};

const LISTS: readonly Input[] = ["repositories", "projects", "services"];
const EMPTY: Record<Input, string> = { repositories: "", projects: "", services: "", token: "", environment: "production", since: "", apiUrl: "" };

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
        <Field id="connection-kind" label="Source">
          {(control) => (
            <select
              {...control}
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as Kind);
                setErrors({});
              }}
            >
              <Options values={CONNECTION_KINDS} label={(k) => KIND_NAMES[k]} />
            </select>
          )}
        </Field>
        {/* A refusal is said in the help's place (and under its id). */}
        {FIELDS[kind].map(([key, label, help]) => (
          <Field key={key} id={`connection-${key}`} label={label} help={help} error={errors[key]} errorId={`connection-${key}-help`} errorReplacesHelp>
            {(control) => (
              <input
                {...control}
                type={key === "token" ? "password" : "text"}
                autoComplete="off"
                value={form[key]}
                onChange={(e) => setForm({ ...form, [key]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <SubmitRow label="Connect and sync" busyLabel="Connecting…" sending={create} refused="Not connected" />
    </form>
  );
}
