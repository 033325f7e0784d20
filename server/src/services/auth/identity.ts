// Who is asking: a signed-in user, an API token, or nobody. Set once per request (http/identity.ts)
// and read by tRPC's role checks and REST's scope checks.
import type { RoleValue, TokenScopeNameValue } from "@keel/shared";

export type Identity =
  | { kind: "user"; userId: string; email: string; name: string; role: RoleValue; sessionId: string }
  | { kind: "token"; tokenId: string | null; name: string; scope: TokenScopeNameValue }
  | { kind: "anonymous"; role: "viewer" | null };

/**
 * The role an identity has in the web app's API (/trpc). A read token reads like a viewer and an
 * admin token acts as an admin; an ingest token has no role there, so it can never reach a /trpc write.
 */
export function roleOf(identity: Identity): RoleValue | null {
  if (identity.kind === "user") return identity.role;
  if (identity.kind === "anonymous") return identity.role;
  return identity.scope === "admin" ? "admin" : identity.scope === "read" ? "viewer" : null;
}

/** The signed-in user behind an identity, if a user is (a user may not take away their own admin role). */
export function userIdOf(identity: Identity): string | undefined {
  return identity.kind === "user" ? identity.userId : undefined;
}

/** How the audit log names who did something. */
export function actorOf(identity: Identity): string {
  if (identity.kind === "user") return `user:${identity.email}`;
  if (identity.kind === "token") return `token:${identity.name}`;
  return "anonymous";
}
