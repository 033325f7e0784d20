// Who is using Keel, from GET /auth/me: a signed-in user, an anonymous viewer (a kiosk, when the
// server allows one) or nobody yet, with the ways to sign in the server offers.
import { failureOf, jsonOf } from "./authApi.ts";
import { ROLES, type Role } from "./roles.ts";

export interface SignInOptions {
  password: boolean;
  /** Single sign-on is configured: GET /auth/oidc/login starts it. */
  sso: boolean;
  /** No user exists yet: the first admin comes from the setup link Keel printed. */
  setup: boolean;
}

export interface SessionUser {
  email: string;
  name: string;
  role: Role;
}

export type Session =
  | { kind: "user"; user: SessionUser; signIn: SignInOptions }
  | { kind: "anonymous"; role: Role; signIn: SignInOptions }
  | { kind: "signed-out"; signIn: SignInOptions };

const NO_OPTIONS: SignInOptions = { password: true, sso: false, setup: false };

function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

function signInOf(body: Record<string, unknown>): SignInOptions {
  const s = body.signIn;
  if (!s || typeof s !== "object") return NO_OPTIONS;
  const flag = (key: keyof SignInOptions) => (key in s ? (s as Record<string, unknown>)[key] === true : NO_OPTIONS[key]);
  return { password: flag("password"), sso: flag("sso"), setup: flag("setup") };
}

/** The session an answer of /auth/me describes; undefined when it is not one (a 5xx, a proxy's page). */
export function sessionFrom(status: number, body: unknown): Session | undefined {
  if (!body || typeof body !== "object") return undefined;
  const b = body as Record<string, unknown>;
  if (status === 401) return { kind: "signed-out", signIn: signInOf(b) };
  if (status !== 200) return undefined;
  const user = b.user;
  if (user && typeof user === "object") {
    const u = user as Record<string, unknown>;
    if (typeof u.email !== "string" || !isRole(u.role)) return undefined;
    return { kind: "user", user: { email: u.email, name: typeof u.name === "string" && u.name ? u.name : u.email, role: u.role }, signIn: signInOf(b) };
  }
  if (user === null && isRole(b.anonymousRole)) return { kind: "anonymous", role: b.anonymousRole, signIn: signInOf(b) };
  return undefined;
}

/** GET /auth/me with the session cookie. Throws when Keel did not answer or answered something else. */
export async function fetchSession(): Promise<Session> {
  const response = await fetch("/auth/me", { credentials: "same-origin", headers: { accept: "application/json" } });
  const body = await jsonOf(response);
  const session = sessionFrom(response.status, body);
  if (!session) throw failureOf(response, body);
  return session;
}

/** The role the session acts with; null when signed out (or not known yet). */
export function roleOfSession(session: Session | undefined): Role | null {
  if (session?.kind === "user") return session.user.role;
  if (session?.kind === "anonymous") return session.role;
  return null;
}
