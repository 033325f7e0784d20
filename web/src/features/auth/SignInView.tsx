import { useMutation } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { Navigate, useLocation, useNavigate, useSearchParams } from "react-router";
import { TextField } from "../../components/TextField.tsx";
import { useFormValues } from "../../components/useFormValues.ts";
import { AuthCard } from "./AuthCard.tsx";
import { authFieldErrors, describeAuthError, postAuth } from "./authApi.ts";
import { useSession, useSignedIn } from "./useSession.ts";

/** Where single sign-on starts (the server redirects to the identity provider). */
export const SSO_LOGIN_URL = "/auth/oidc/login";

/**
 * The sign-in page: at /sign-in, and in place of any page a signed-out reader opens (AuthGate),
 * which then shows once they are signed in. A failed single sign-on comes back with ?error=.
 */
export function SignInView() {
  const session = useSession();
  const signedIn = useSignedIn();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const { values, setValues, errors: missing, field, showErrors } = useFormValues("sign-in", { email: "", password: "" });
  const signIn = useMutation({
    mutationFn: (input: { email: string; password: string }) => postAuth("login", input),
    onSuccess: async () => {
      setValues((v) => ({ ...v, password: "" }));
      await signedIn();
      if (pathname === "/sign-in") await navigate("/", { replace: true });
    },
  });
  const options = session.data?.signIn;
  // Only the sign-in address carries a failed single sign-on's reason; other pages' parameters are theirs.
  const ssoError = pathname === "/sign-in" ? params.get("error") : null;

  if (pathname === "/sign-in" && session.data?.kind === "user") return <Navigate to="/" replace />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { email, password } = values;
    const next = {
      ...(email.trim() ? {} : { email: "Enter your e-mail address." }),
      ...(password ? {} : { password: "Enter your password." }),
    };
    if (!showErrors(next)) signIn.mutate({ email: email.trim(), password });
  }

  const errors = { ...(signIn.isError ? authFieldErrors(signIn.error) : {}), ...missing };
  const refusal = signIn.isError && Object.keys(errors).length === 0 ? describeAuthError(signIn.error) : null;

  return (
    <AuthCard title="Sign in to Keel" tabTitle="Sign in">
      {refusal ? (
        <p className="auth-alert" role="alert">
          {refusal}
        </p>
      ) : ssoError && signIn.isIdle ? (
        <p className="auth-alert" role="alert">
          Single sign-on did not sign you in: {ssoError}
        </p>
      ) : null}
      {options?.setup ? (
        <div className="auth-note" data-testid="setup-note">
          <p>
            Keel has no users yet. Open the setup link Keel printed in its terminal when it started (it ends in <code>/setup#…</code>) to choose the first
            admin, or create one on the server:
          </p>
          <p>
            <code>pnpm keel user create --email you@example.com --role admin --password-stdin</code>
          </p>
        </div>
      ) : null}
      <form className="auth-form" onSubmit={submit} noValidate aria-label="Sign in">
        <TextField {...field("email")} error={errors.email} label="E-mail" type="email" autoComplete="username" required autoFocus />
        <TextField {...field("password")} error={errors.password} label="Password" type="password" autoComplete="current-password" required />
        <button type="submit" className="button" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {options?.sso ? (
        <p className="auth-or">
          <a href={SSO_LOGIN_URL}>Sign in with single sign-on</a>
        </p>
      ) : null}
    </AuthCard>
  );
}
