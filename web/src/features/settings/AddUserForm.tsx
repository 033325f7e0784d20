import { PASSWORD_MIN_LENGTH, UserCreate } from "@keel/shared";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC } from "../../api/trpc.ts";
import { TextField } from "../../components/TextField.tsx";
import { aRole, ROLES, type Role } from "../auth/roles.ts";
import { fieldErrors, serverFieldErrors, type FieldErrors } from "./formErrors.ts";

interface AddUserFormProps {
  /** Single sign-on is set up: a user may come without a password. */
  ssoConfigured: boolean;
  /** Says what was done (in the section's live region) and refreshes the lists. */
  onCreated: (message: string) => void;
  onChange: () => Promise<unknown>;
}

const EMPTY = { email: "", name: "", role: "viewer" as Role, password: "" };

/** Moves the keyboard (and a screen reader) to the first field with an error; false when none has one. */
function focusFirst(errors: FieldErrors): boolean {
  const first = ["email", "name", "password"].find((field) => errors[field]);
  if (first) document.getElementById(`new-user-${first}`)?.focus();
  return first !== undefined;
}

/** A new user with a role and, unless they use single sign-on, an initial password. */
export function AddUserForm({ ssoConfigured, onCreated, onChange }: AddUserFormProps) {
  const trpc = useTRPC();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: async (user) => {
        setValues(EMPTY);
        onCreated(`${user.email} added as ${aRole(user.role)}.`);
        await onChange();
      },
      onError: (error) => {
        const next = serverFieldErrors(error) ?? {};
        setErrors(next);
        focusFirst(next);
      },
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
    setErrors(next);
    if (!focusFirst(next) && parsed.success) create.mutate(parsed.data);
  }

  const set = (field: keyof typeof EMPTY) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const unplaced = create.isError && !errors.email && !errors.name && !errors.role && !errors.password;

  return (
    <form className="settings-form inline-form" onSubmit={submit} aria-labelledby="new-user-heading" noValidate>
      <h3 id="new-user-heading">Add a user</h3>
      <div className="settings-fields">
        <TextField id="new-user-email" label="E-mail" type="email" autoComplete="off" value={values.email} onChange={set("email")} error={errors.email} />
        <TextField
          id="new-user-name"
          label="Name (optional)"
          autoComplete="off"
          value={values.name}
          onChange={set("name")}
          error={errors.name}
          help="The part of the e-mail before the @ when left empty."
        />
        <div className="field">
          <label htmlFor="new-user-role">Role</label>
          <select id="new-user-role" value={values.role} onChange={set("role")} aria-describedby="new-user-role-help">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
          <p className="field-help" id="new-user-role-help">
            Viewers read; editors also change settings, teams and the cost model; admins also manage users and tokens.
          </p>
          {errors.role ? <p className="field-error">{errors.role}</p> : null}
        </div>
        <TextField
          id="new-user-password"
          label="Initial password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set("password")}
          error={errors.password}
          help={`At least ${PASSWORD_MIN_LENGTH} characters; give it to them privately.${ssoConfigured ? " Leave empty for someone who signs in with single sign-on." : ""}`}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {create.isPending ? "Adding…" : "Add user"}
        </button>
        {unplaced ? (
          <p className="field-error" role="alert">
            Not added: {describeApiError(create.error)}
          </p>
        ) : null}
      </div>
    </form>
  );
}
