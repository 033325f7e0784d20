import { TeamUpdate, type TeamUpdateInput } from "@keel/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent, type InputHTMLAttributes, type ReactNode } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { ACTIONS_HEADER, SettingsTable } from "../../components/SettingsTable.tsx";
import { Refusal } from "../../components/SubmitRow.tsx";
import { fieldErrors, fractionToPercent, percentToFraction, wholeNumber, type FieldErrors } from "./formErrors.ts";
import { invalidateAllBut } from "./invalidate.ts";
import { CreateTeamForm } from "./CreateTeamForm.tsx";

interface Team {
  slug: string;
  name: string;
  size: number | null;
  debtTarget: number | null;
  services: number;
}

/** Teams: create, rename, size (for capacity shares) and a debt target of their own. Read-only: listed, not edited. */
export function TeamsSection({ teams, orgDebtTarget, readOnly = false }: { teams: Team[]; orgDebtTarget: number; readOnly?: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  return (
    <>
      <SettingsTable
        testId="teams-table"
        caption="Teams"
        headers={[
          "Team",
          { key: "slug", label: "Slug", className: "slug-column" },
          { key: "engineers", label: "Engineers", className: "numeric" },
          { key: "debt", label: "Debt target", className: "numeric" },
          { key: "services", label: "Services", className: "numeric" },
          readOnly ? null : ACTIONS_HEADER,
        ]}
        rows={teams}
        empty={readOnly ? "No teams yet." : "No teams yet. Create one below, or send deployments that name a team."}
        row={(team) =>
          editing === team.slug ? (
            <EditTeamRow
              key={team.slug}
              team={team}
              onDone={(message) => {
                setEditing(null);
                if (message) setStatus(message);
              }}
            />
          ) : (
            <tr key={team.slug} data-team={team.slug}>
              <th scope="row">{team.name}</th>
              <td className="slug-column">
                <code>{team.slug}</code>
              </td>
              <td className="numeric">{team.size ?? <span className="muted">unknown</span>}</td>
              <td className="numeric">
                {team.debtTarget === null ? (
                  <span className="muted">{fractionToPercent(orgDebtTarget)}% (organisation)</span>
                ) : (
                  `${fractionToPercent(team.debtTarget)}%`
                )}
              </td>
              <td className="numeric">{team.services}</td>
              {readOnly ? null : (
                <td className="actions">
                  <button type="button" className="button button-quiet button-small" onClick={() => setEditing(team.slug)} aria-label={`Edit ${team.name}`}>
                    Edit
                  </button>
                </td>
              )}
            </tr>
          )
        }
      />
      <p aria-live="polite" className="form-success">
        {status}
      </p>
      {readOnly ? null : <CreateTeamForm onCreated={(name) => setStatus(`Team ${name} created.`)} />}
    </>
  );
}

function EditTeamRow({ team, onDone }: { team: Team; onDone: (message?: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(team.name);
  const [size, setSize] = useState(team.size === null ? "" : String(team.size));
  const [debt, setDebt] = useState(fractionToPercent(team.debtTarget));
  const [errors, setErrors] = useState<FieldErrors>({});
  const update = useMutation(
    trpc.teams.update.mutationOptions({
      onSuccess: async (saved) => {
        await invalidateAllBut(queryClient, ["tokens"]);
        onDone(`Team ${saved.name} saved.`);
      },
    }),
  );

  function save(event: FormEvent) {
    event.preventDefault();
    const input: TeamUpdateInput = { slug: team.slug };
    if (name.trim() !== team.name) input.name = name;
    if (size.trim() !== (team.size === null ? "" : String(team.size))) input.size = wholeNumber(size);
    if (debt.trim() !== fractionToPercent(team.debtTarget)) input.debtTarget = percentToFraction(debt);
    if (Object.keys(input).length === 1) return onDone();
    const parsed = TeamUpdate.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    update.mutate(parsed.data);
  }

  const formId = `edit-team-${team.slug}`;
  // Each input belongs to the row's form (a form cannot wrap a table row), is named for screen readers only, and says its error below.
  const cell = (name: string, label: ReactNode, error: string | undefined, input: InputHTMLAttributes<HTMLInputElement>) => (
    <>
      <label className="visually-hidden" htmlFor={`${formId}-${name}`}>
        {label}
      </label>
      <input id={`${formId}-${name}`} form={formId} aria-invalid={Boolean(error)} {...input} />
      {error ? <p className="field-error">{error}</p> : null}
    </>
  );
  const narrow = { className: "input input-narrow", type: "number" };
  return (
    <tr className="editing" data-team={team.slug}>
      <th scope="row">
        <form id={formId} onSubmit={save} noValidate />
        {cell("name", "Name", errors.name, { className: "input", value: name, onChange: (e) => setName(e.target.value), autoFocus: true })}
      </th>
      <td className="slug-column">
        <code>{team.slug}</code>
      </td>
      <td className="numeric">
        {cell("size", "Engineers", errors.size, { ...narrow, min: 1, step: 1, value: size, placeholder: "unknown", onChange: (e) => setSize(e.target.value) })}
      </td>
      <td className="numeric">
        {cell("debt", <>Debt target (%), empty for the organisation&rsquo;s</>, errors.debtTarget, {
          ...narrow,
          min: 0,
          max: 100,
          value: debt,
          placeholder: "org",
          onChange: (e) => setDebt(e.target.value),
        })}
      </td>
      <td className="numeric">{team.services}</td>
      <td className="actions">
        <button type="submit" form={formId} className="button button-small" disabled={update.isPending}>
          {update.isPending ? "Saving…" : "Save"}
        </button>
        <button type="button" className="button button-quiet button-small" onClick={() => onDone()}>
          Cancel
        </button>
        {update.isError ? <Refusal>{describeApiError(update.error)}</Refusal> : null}
      </td>
    </tr>
  );
}
