import type { ReactNode } from "react";
import { ErrorState, LoadingState } from "../../components/StateMessage.tsx";
import { describeAuthError } from "./authApi.ts";
import { useSession } from "./useSession.ts";

interface AuthGateProps {
  /** What a signed-out reader sees instead, at the same address: after signing in, the page they asked for shows. */
  signIn: ReactNode;
  children: ReactNode;
}

/** Shows the app to a signed-in user or an anonymous viewer, and the sign-in page to anyone else. */
export function AuthGate({ signIn, children }: AuthGateProps) {
  const session = useSession();
  // A known session stays in force while it is checked again (a failed re-check is not a sign-out).
  if (session.data) return session.data.kind === "signed-out" ? signIn : children;
  if (session.isPending) {
    return (
      <main className="content">
        <LoadingState label="Checking who is signed in…" lines={2} />
      </main>
    );
  }
  return (
    <main className="content">
      <ErrorState
        title="Keel could not tell who is signed in."
        detail={describeAuthError(session.error)}
        onRetry={() => void session.refetch()}
        retrying={session.isFetching}
      />
    </main>
  );
}
