// Settings → Teams: the form that creates a team (name, slug from the name until edited, size and
// debt target), beside the list in TeamsSection.tsx.
import { TeamCreate, type TeamCreateInput } from "@keel/shared";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { Field } from "../../components/Field.tsx";
import { SubmitRow } from "../../components/SubmitRow.tsx";
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

  const field = (name: string, label: string, help?: string) => ({ id: `new-team-${name}`, label, help, error: errors[name] });

  return (
    <form className="settings-form inline-form" onSubmit={submit} aria-labelledby="new-team-heading" noValidate>
      <h3 id="new-team-heading">Add a team</h3>
      <div className="settings-fields">
        <Field {...field("name", "Name")}>
          {(control) => <input {...control} value={name} onChange={(e) => setName(e.target.value)} placeholder="Payments" />}
        </Field>
        <Field {...field("slug", "Slug", "What deployments name it by (their team field). It cannot change later.")}>
          {(control) => (
            <input
              {...control}
              value={shownSlug}
              onChange={(e) => {
                setSlugTouched(true);
                setSlug(e.target.value);
              }}
              placeholder="payments"
              spellCheck={false}
              autoCapitalize="off"
            />
          )}
        </Field>
        <Field {...field("size", "Engineers (optional)")}>
          {(control) => <input {...control} type="number" min={1} step={1} value={size} onChange={(e) => setSize(e.target.value)} />}
        </Field>
        <Field {...field("debtTarget", "Debt target % (optional)")} id="new-team-debt">
          {(control) => (
            <input {...control} type="number" min={0} max={100} value={debt} onChange={(e) => setDebt(e.target.value)} placeholder="organisation's" />
          )}
        </Field>
      </div>
      <SubmitRow label="Create team" busyLabel="Creating…" sending={create} refused="Not created" />
    </form>
  );
}
