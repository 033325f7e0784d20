import { useQuery, useQueryClient } from "@tanstack/react-query";
import { SESSION_KEY } from "../../api/trpc.ts";
import { postAuth } from "./authApi.ts";
import { roleCovers, type Role } from "./roles.ts";
import { fetchSession, roleOfSession } from "./session.ts";

/** Who is signed in (GET /auth/me). Checked again when a procedure answers 401 (api/trpc.ts). */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/** The role the web app acts with; null while unknown or signed out. */
export function useRole(): Role | null {
  return roleOfSession(useSession().data);
}

/** True when the reader's role may do what `needed` may (the server checks again). */
export function useCan(needed: Role): boolean {
  return roleCovers(useRole(), needed);
}

/** After signing in (or setting up the first admin): who it is, and every answer, anew. */
export function useSignedIn(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

/**
 * Signs out: ends the session, then forgets every answer (the next person at this browser sees
 * none of them) and asks /auth/me again, which shows the sign-in page (or the anonymous view).
 */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await postAuth("logout");
    const session = queryClient.resetQueries({ queryKey: SESSION_KEY });
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
    await session;
  };
}
