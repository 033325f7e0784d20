import { PASSWORD_MIN_LENGTH, SetupInput } from "@keel/shared";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { TextField } from "../../components/TextField.tsx";
import { useFormValues } from "../../components/useFormValues.ts";
import { fieldErrors, type FieldErrors } from "../settings/formErrors.ts";
import { AuthCard } from "./AuthCard.tsx";
import { authFieldErrors, describeAuthError, postAuth } from "./authApi.ts";
import { useSession, useSignedIn } from "./useSession.ts";

const EMPTY = { email: "", name: "", password: "", confirm: "" };

/** The setup token from the URL's fragment ("#abc" → "abc"); empty when there is none. */
function tokenOf(hash: string): string {
  const raw = hash.replace(/^#/, "").trim();
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The first admin, from the link Keel prints at its first start: /setup#<token>. The token is the
 * URL's fragment, so it never reaches a server log or a Referer header.
 */
export function SetupView() {
  const { hash } = useLocation();
  const [token] = useState(() => tokenOf(hash));
  const session = useSession();
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const { values, errors, setErrors, field, showErrors } = useFormValues("setup", EMPTY);
  const setup = useMutation({
    mutationFn: (input: { token: string; email: string; name: string; password: string }) => postAuth("setup", input),
    onSuccess: async () => {
      await signedIn();
      // Replace the address: the used link leaves the browser's history.
      await navigate("/", { replace: true });
    },
    onError: (error) => setErrors(authFieldErrors(error)),
  });

  if (!token) {
    return (
      <AuthCard title="Set up Keel" tabTitle="Set up">
        <p className="auth-alert" role="alert">
          This page needs the setup link Keel printed in its terminal at its first start (it ends in <code>/setup#</code> and a code). Copy the whole link; if
          it expired, restart Keel for a new one.
        </p>
        <p className="auth-or">
          <Link to="/sign-in">Sign in</Link> if Keel already has users.
        </p>
      </AuthCard>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = SetupInput.safeParse({ token, email: values.email, name: values.name, password: values.password });
    const next: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
    if (values.confirm !== values.password) next.confirm ??= "does not match the password";
    if (!showErrors(next) && parsed.success && !next.form && !next.token) setup.mutate(parsed.data);
  }

  const refusal = setup.isError && Object.keys(EMPTY).every((name) => !errors[name]) ? describeAuthError(setup.error) : (errors.token ?? errors.form ?? null);

  return (
    <AuthCard title="Set up Keel" tabTitle="Set up">
      <p>Choose the first admin. They can then add the other users under Settings.</p>
      {session.data?.kind === "signed-out" && !session.data.signIn.setup ? (
        <p className="auth-note">
          Keel already has users: this link no longer works. <Link to="/sign-in">Sign in</Link> instead.
        </p>
      ) : null}
      {refusal ? (
        <p className="auth-alert" role="alert">
          {refusal}
        </p>
      ) : null}
      <form className="auth-form" onSubmit={submit} noValidate aria-label="Create the first admin">
        <TextField {...field("email")} label="E-mail" type="email" autoComplete="username" />
        <TextField {...field("name")} label="Name" autoComplete="name" />
        <TextField {...field("password")} label="Password" type="password" autoComplete="new-password" help={`At least ${PASSWORD_MIN_LENGTH} characters.`} />
        <TextField {...field("confirm")} label="Confirm password" type="password" autoComplete="new-password" />
        <button type="submit" className="button" disabled={setup.isPending}>
          {setup.isPending ? "Creating…" : "Create admin and sign in"}
        </button>
      </form>
    </AuthCard>
  );
}
