import { PASSWORD_MIN_LENGTH, UserCreate } from "@keel/shared";
import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { Field } from "../../components/Field.tsx";
import { refusalOf, SubmitRow } from "../../components/SubmitRow.tsx";
import { TextField } from "../../components/TextField.tsx";
import { useFormValues } from "../../components/useFormValues.ts";
import { Options } from "../../components/Options.tsx";
import { aRole, ROLES, type Role } from "../auth/roles.ts";
import { fieldErrors, serverFieldErrors } from "./formErrors.ts";

interface AddUserFormProps {
  /** Single sign-on is set up: a user may come without a password. */
  ssoConfigured: boolean;
  /** Says what was done (in the section's live region) and refreshes the lists. */
  onCreated: (message: string) => void;
  onChange: () => Promise<unknown>;
}

const EMPTY = { email: "", name: "", role: "viewer" as Role, password: "" };
const ROLE_HELP = "Viewers read; editors also change settings, teams and the cost model; admins also manage users and tokens.";

/** A new user with a role and, unless they use single sign-on, an initial password. */
export function AddUserForm({ ssoConfigured, onCreated, onChange }: AddUserFormProps) {
  const trpc = useTRPC();
  const { values, errors, field, showErrors, reset } = useFormValues("new-user", EMPTY);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        reset();
        onCreated(`${user.email} added as ${aRole(user.role)}.`);
        await onChange();
      },
      onError: (error) => showErrors(serverFieldErrors(error) ?? {}),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = UserCreate.safeParse({
      email: values.email,
      name: values.name.trim() || undefined,
      role: values.role,
      password: values.password || undefined,
    });
    const next = parsed.success ? {} : fieldErrors(parsed.error);
    if (!values.password && !ssoConfigured) next.password ??= "needed: single sign-on is not set up, so they sign in with a password";
    if (!showErrors(next) && parsed.success) create.mutate(parsed.data);
  }

  const unplaced = create.isError && !errors.email && !errors.name && !errors.role && !errors.password;

  return (
    <form className="settings-form inline-form" onSubmit={submit} aria-labelledby="new-user-heading" noValidate>
      <h3 id="new-user-heading">Add a user</h3>
      <div className="settings-fields">
        <TextField {...field("email")} label="E-mail" type="email" autoComplete="off" />
        <TextField {...field("name")} label="Name (optional)" autoComplete="off" help="The part of the e-mail before the @ when left empty." />
        <Field id="new-user-role" label="Role" help={ROLE_HELP} error={errors.role}>
          {(control) => (
            <select {...control} value={values.role} onChange={field("role").onChange}>
              <Options values={ROLES} />
            </select>
          )}
        </Field>
        <TextField
          {...field("password")}
          label="Initial password"
          type="password"
          autoComplete="new-password"
          help={`At least ${PASSWORD_MIN_LENGTH} characters; give it to them privately.${ssoConfigured ? " Leave empty for someone who signs in with single sign-on." : ""}`}
        />
      </div>
      <SubmitRow label="Add user" busyLabel="Adding…" sending={create} refused="Not added" refusal={unplaced ? refusalOf(create) : null} />
    </form>
  );
}
