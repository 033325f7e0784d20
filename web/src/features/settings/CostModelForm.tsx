import { COST_MODEL_INPUT_NAMES, CostModelUpdate, type CostModelInputName, type CostModelUpdateInput } from "@keel/shared";
import { formatUpToFourDecimals } from "@keel/shared/numbers";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { decimalNumber, fieldErrors, serverFieldErrors, type FieldErrors } from "./formErrors.ts";
import { invalidateCostModelQueries } from "./invalidate.ts";
import type { CostModelData } from "../costs/apiTypes.ts";
import { inputFieldLabel } from "@keel/shared/costModelInputs";
import { SaveStatus } from "./SaveStatus.tsx";

/** Whose inputs the form edits: the organisation's, or one team's overrides. */
export type CostModelScope = { kind: "organisation" } | { kind: "team"; slug: string; name: string };

interface CostModelFormProps {
  scope: CostModelScope;
  model: CostModelData;
  /** The inputs shown, not changed: for a role that may not edit the cost model. */
  readOnly?: boolean;
}

type Values = Partial<Record<CostModelInputName, number>>;

/** The values the form starts from: the organisation's full set, or the team's overrides only. */
function savedValues(scope: CostModelScope, model: CostModelData): Values {
  if (scope.kind === "organisation") return model.organisation.inputs;
  return model.teams.find((t) => t.team === scope.slug)?.overrides ?? {};
}

function textsOf(values: Values): Record<CostModelInputName, string> {
  return Object.fromEntries(COST_MODEL_INPUT_NAMES.map((name) => [name, values[name] === undefined ? "" : String(values[name])])) as Record<
    CostModelInputName,
    string
  >;
}

/**
 * One number field per input. For the organisation an empty field is an error (its inputs are a
 * full set); for a team an empty field means no override (sent as null: the team follows the
 * organisation). Only the inputs that differ from the saved ones are sent.
 */
export function CostModelForm({ scope, model, readOnly = false }: CostModelFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const saved = savedValues(scope, model);
  const [texts, setTexts] = useState(() => textsOf(saved));
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [savedMessage, setSavedMessage] = useState<string | null>(null);
  const team = scope.kind === "team" ? scope : null;
  const idPrefix = team ? `cost-team-${team.slug}` : "cost-org";

  const update = useMutation(
    trpc.costModel.update.mutationOptions({
      onSuccess: async (next) => {
        // The answer is the model after the edit: show it at once, then refresh what uses it.
        queryClient.setQueryData(trpc.costModel.get.queryKey(), next);
        setTexts(textsOf(savedValues(scope, next)));
        setNote("");
        const version = team ? (next.teams.find((t) => t.team === team.slug)?.version ?? 0) : next.organisation.version;
        setSavedMessage(
          team ? `Saved: ${team.name}'s overrides are now version ${version}.` : `Saved: the organisation's cost model is now version ${version}.`,
        );
        await invalidateCostModelQueries(queryClient, trpc);
      },
      onError: (error) => setErrors(serverFieldErrors(error, "inputs") ?? {}),
    }),
  );

  const inputs: NonNullable<CostModelUpdateInput["inputs"]> = {};
  for (const name of COST_MODEL_INPUT_NAMES) {
    const typed = decimalNumber(texts[name]);
    if (typed === (saved[name] ?? null)) continue;
    // An organisation's input cannot be empty: NaN lets the schema say so beside the field.
    inputs[name] = team ? typed : (typed ?? Number.NaN);
  }
  const changed = Object.keys(inputs).length > 0;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSavedMessage(null);
    const edit: CostModelUpdateInput = { inputs, ...(team ? { team: team.slug } : {}), ...(note.trim() ? { note: note.trim() } : {}) };
    const parsed = CostModelUpdate.safeParse(edit);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, "inputs"));
    setErrors({});
    update.mutate(parsed.data);
  }

  function reset() {
    setTexts(textsOf(saved));
    setNote("");
    setErrors({});
    setSavedMessage(null);
    update.reset();
  }

  const set = (name: CostModelInputName, text: string) => setTexts((t) => ({ ...t, [name]: text }));
  const described = (name: string, id: string) =>
    errors[name] ? { "aria-invalid": true, "aria-describedby": `${id}-error ${id}-help` } : { "aria-describedby": `${id}-help` };
  const error = (name: string, id: string) =>
    errors[name] ? (
      <p className="field-error" id={`${id}-error`}>
        {errors[name]}
      </p>
    ) : null;
  // Messages about no field of this form (the team, the whole edit) are shown beside the buttons.
  const formMessages = Object.entries(errors).filter(([key]) => !(COST_MODEL_INPUT_NAMES as string[]).includes(key) && key !== "note");

  return (
    <form
      className="settings-form cost-model-form"
      onSubmit={submit}
      noValidate
      aria-label={team ? `${team.name}'s overrides` : "The organisation's inputs"}
      data-testid={`${idPrefix}-form`}
    >
      <fieldset className="settings-fields" disabled={readOnly}>
        <legend className="visually-hidden">{team ? `${team.name}'s overrides` : "The organisation's inputs"}</legend>
        {COST_MODEL_INPUT_NAMES.map((name) => {
          const id = `${idPrefix}-${name}`;
          const definition = model.definitions[name];
          const overridden = team !== null && saved[name] !== undefined;
          return (
            <div className="field" key={name} data-input={name}>
              <label htmlFor={id}>
                {inputFieldLabel(definition)}
                <span className="visually-hidden"> ({definition.unit})</span>
              </label>
              <div className="cost-input-row">
                <input
                  id={id}
                  type="number"
                  inputMode="decimal"
                  step="any"
                  min={0}
                  value={texts[name]}
                  placeholder={team ? formatUpToFourDecimals(model.organisation.inputs[name]) : undefined}
                  onChange={(event) => set(name, event.target.value)}
                  {...described(name, id)}
                />
                {/* The unit beside the number; the label already says it to screen readers. */}
                <span className="cost-unit" aria-hidden="true">
                  {definition.unit}
                </span>
                {team && !readOnly && texts[name] !== "" ? (
                  <button
                    type="button"
                    className="button button-quiet button-small"
                    onClick={() => {
                      set(name, "");
                      // The button goes away with the override: keep the keyboard on the field.
                      document.getElementById(id)?.focus();
                    }}
                    aria-label={`Remove ${team.name}'s override of ${definition.label}`}
                  >
                    Remove
                  </button>
                ) : null}
              </div>
              <p className="field-help" id={`${id}-help`}>
                {team
                  ? `${overridden ? "Overridden; organisation" : "Organisation"}: ${formatUpToFourDecimals(model.organisation.inputs[name])}`
                  : `Default: ${formatUpToFourDecimals(model.defaults[name])}`}
              </p>
              {error(name, id)}
            </div>
          );
        })}
      </fieldset>
      {readOnly ? null : (
        <>
          <div className="field cost-note">
            <label htmlFor={`${idPrefix}-note`}>Why this change (optional)</label>
            <input
              id={`${idPrefix}-note`}
              type="text"
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              {...described("note", `${idPrefix}-note`)}
            />
            <p className="field-help" id={`${idPrefix}-note-help`}>
              Kept with the new version in the history.
            </p>
            {error("note", `${idPrefix}-note`)}
          </div>
          <div className="form-actions">
            <button type="submit" className="button" disabled={!changed || update.isPending}>
              {update.isPending ? "Saving…" : team ? `Save ${team.name}'s overrides` : "Save cost model"}
            </button>
            <button type="button" className="button button-quiet" onClick={reset} disabled={!changed && note === "" && Object.keys(errors).length === 0}>
              Reset
            </button>
            {changed && !update.isPending ? <span className="muted">Unsaved changes</span> : null}
            {formMessages.map(([key, message]) => (
              <p className="field-error" key={key}>
                {message}
              </p>
            ))}
          </div>
          <SaveStatus done={changed ? null : savedMessage} error={update.isError && Object.keys(errors).length === 0 ? update.error : null} />
        </>
      )}
    </form>
  );
}
