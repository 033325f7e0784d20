import { useState } from "react";
import { Link } from "react-router";
import { describeAuthError } from "./authApi.ts";
import { useSession, useSignOut } from "./useSession.ts";

/** Who is signed in and with which role, and the way out (or in, for an anonymous viewer). */
export function SessionMenu() {
  const session = useSession().data;
  const signOut = useSignOut();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (!session || session.kind === "signed-out") return null;

  async function leave() {
    setPending(true);
    setFailure(null);
    try {
      await signOut();
    } catch (error) {
      setFailure(`Not signed out: ${describeAuthError(error)}`);
      setPending(false);
    }
  }

  const user = session.kind === "user" ? session.user : null;
  const role = session.kind === "user" ? session.user.role : session.role;
  return (
    <div className="session">
      <p className="session-user" data-testid="signed-in-user" data-role={role} title={user?.email}>
        <span className="session-name">{user ? user.name : "Not signed in"}</span> <span className="session-role">({role})</span>
      </p>
      {user ? (
        <button type="button" className="button button-quiet session-button" onClick={() => void leave()} disabled={pending}>
          {pending ? "Signing out…" : "Sign out"}
        </button>
      ) : (
        <Link to="/sign-in" className="session-button">
          Sign in
        </Link>
      )}
      {failure ? (
        <p className="session-error" role="alert">
          {failure}
        </p>
      ) : null}
    </div>
  );
}
