// Settings → Teams: the form that creates a team (name, slug from the name until edited, size and
// debt target), beside the list in TeamsSection.tsx.
import { TeamCreate, type TeamCreateInput } from "@keel/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { fieldErrors, percentToFraction, slugFrom, wholeNumber, type FieldErrors } from "./formErrors.ts";

export function CreateTeamForm({ onCreated }: { onCreated: (name: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugTouched, setSlugTouched] = useState(false);
  const [size, setSize] = useState("");
  const [debt, setDebt] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.teams.create.mutationOptions({
      onSuccess: async (team) => {
        setName("");
        setSlug("");
        setSlugTouched(false);
        setSize("");
        setDebt("");
        onCreated(team.name);
        await queryClient.invalidateQueries({ queryKey: trpc.catalog.pathKey() });
      },
    }),
  );
  const shownSlug = slugTouched ? slug : slugFrom(name);

  function submit(event: FormEvent) {
    event.preventDefault();
    const input: TeamCreateInput = { name, slug: shownSlug, size: wholeNumber(size), debtTarget: percentToFraction(debt) };
    const parsed = TeamCreate.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data);
  }

  const described = (field: string) => (errors[field] ? { "aria-invalid": true, "aria-describedby": `new-team-${field}-error` } : {});
  const error = (field: string) =>
    errors[field] ? (
      <p className="field-error" id={`new-team-${field}-error`}>
        {errors[field]}
      </p>
    ) : null;

  return (
    <form className="settings-form inline-form" onSubmit={submit} aria-labelledby="new-team-heading" noValidate>
      <h3 id="new-team-heading">Add a team</h3>
      <div className="settings-fields">
        <div className="field">
          <label htmlFor="new-team-name">Name</label>
          <input id="new-team-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Payments" {...described("name")} />
          {error("name")}
        </div>
        <div className="field">
          <label htmlFor="new-team-slug">Slug</label>
          <input
            id="new-team-slug"
            value={shownSlug}
            onChange={(e) => {
              setSlugTouched(true);
              setSlug(e.target.value);
            }}
            placeholder="payments"
            spellCheck={false}
            autoCapitalize="off"
            {...described("slug")}
          />
          <p className="field-help">What deployments name it by (their team field). It cannot change later.</p>
          {error("slug")}
        </div>
        <div className="field">
          <label htmlFor="new-team-size">Engineers (optional)</label>
          <input id="new-team-size" type="number" min={1} step={1} value={size} onChange={(e) => setSize(e.target.value)} {...described("size")} />
          {error("size")}
        </div>
        <div className="field">
          <label htmlFor="new-team-debt">Debt target % (optional)</label>
          <input
            id="new-team-debt"
            type="number"
            min={0}
            max={100}
            value={debt}
            onChange={(e) => setDebt(e.target.value)}
            placeholder="organisation's"
            {...described("debtTarget")}
          />
          {error("debtTarget")}
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create team"}
        </button>
        {create.isError ? (
          <p className="field-error" role="alert">
            Not created: {describeApiError(create.error)}
          </p>
        ) : null}
      </div>
    </form>
  );
}
