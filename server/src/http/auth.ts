// Who is asking, once per request (docs/security.md): a bearer token (api.md "Auth"), else the
// session cookie, else nobody (or KEEL_ANONYMOUS_ROLE's viewer). REST routes then check a scope
// with requireScope; tRPC procedures check a role (trpc/init.ts). KEEL_API_TOKEN is an admin token.
import { roleCovers, type RoleValue, type TokenScopeNameValue } from "@keel/shared";
import { timingSafeEqual } from "node:crypto";
import { parse as parseCookie } from "cookie";
import type { Request, RequestHandler } from "express";
import type { Db } from "../db/client.ts";
import { KeelError } from "../errors.ts";
import { roleOf, type Identity } from "../services/auth/identity.ts";
import { resolveSession, type SessionPolicy } from "../services/auth/sessions.ts";
import { hashToken, markTokenUsed } from "../services/tokens.ts";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      identity?: Identity;
    }
  }
}

export const SESSION_COOKIE = "keel_session";

export interface AuthOptions {
  /** KEEL_API_TOKEN: an admin token accepted for every API call. */
  apiToken?: string | undefined;
  anonymousRole?: "viewer" | undefined;
  session: SessionPolicy;
}

function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(Buffer.from(hashToken(a)), Buffer.from(hashToken(b)));
}

export function sessionCookieOf(req: Request): string | undefined {
  const header = req.get("cookie");
  return header ? parseCookie(header)[SESSION_COOKIE] : undefined;
}

async function identify(db: Db, options: AuthOptions, req: Request): Promise<Identity> {
  const header = req.get("authorization");
  if (header !== undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new KeelError("UNAUTHORIZED", "Send an API token: Authorization: Bearer <token>.");
    if (options.apiToken && sameSecret(token, options.apiToken)) return { kind: "token", tokenId: null, name: "KEEL_API_TOKEN", scope: "admin" };
    const row = await db.apiToken.findUnique({ where: { hash: hashToken(token) }, select: { id: true, name: true, scope: true, revokedAt: true } });
    if (!row || row.revokedAt) throw new KeelError("UNAUTHORIZED", "The API token is not valid (unknown or revoked).");
    // "Last used" in the settings page; written at most once a minute per token.
    await markTokenUsed({ db, input: { id: row.id } });
    return { kind: "token", tokenId: row.id, name: row.name, scope: row.scope };
  }
  const cookie = sessionCookieOf(req);
  const user = cookie ? await resolveSession({ db, input: { cookie, policy: options.session } }) : null;
  if (user) return { kind: "user", ...user };
  return { kind: "anonymous", role: options.anonymousRole ?? null };
}

/** Sets `req.identity`; an invalid bearer token is refused here, whatever the route. */
export function identifyRequests(db: Db, options: AuthOptions): RequestHandler {
  return (req, _res, next) => {
    identify(db, options, req).then(
      (identity) => {
        req.identity = identity;
        next();
      },
      (error: unknown) => next(error),
    );
  };
}

export type Scope = TokenScopeNameValue;

/** Whether an identity may call a REST route that needs one of `allowed` (admin tokens may call any). */
export function scopeAllows(identity: Identity, allowed: readonly Scope[]): boolean {
  if (identity.kind === "token") return identity.scope === "admin" || allowed.includes(identity.scope);
  // People read through their session; an admin also manages; nobody ingests with a cookie.
  if (identity.kind === "user") return allowed.includes("read") || (allowed.includes("admin") && identity.role === "admin");
  return identity.role === "viewer" && allowed.includes("read");
}

/** `needed`: the scope (or any of the scopes) a route needs; an admin token always passes. */
export function requireScope(needed: Scope | readonly Scope[]): RequestHandler {
  const allowed: readonly Scope[] = typeof needed === "string" ? [needed] : needed;
  const named = [...new Set([...allowed, "admin"])].map((scope) => `"${scope}"`).join(" or ");
  return (req, _res, next) => {
    const identity = req.identity ?? { kind: "anonymous", role: null };
    if (scopeAllows(identity, allowed)) return next();
    if (identity.kind === "anonymous" && identity.role === null) {
      return next(new KeelError("UNAUTHORIZED", "Send an API token (Authorization: Bearer <token>) or sign in."));
    }
    const who =
      identity.kind === "token"
        ? `This token has the "${identity.scope}" scope`
        : identity.kind === "user"
          ? `Your role is ${identity.role}`
          : "Anonymous visitors only read";
    next(new KeelError("FORBIDDEN", `${who}; this endpoint needs ${named}.`));
  };
}

/**
 * A REST change people make in the app too (goals): a role, as tRPC checks it (trpc/init.ts),
 * so an editor's session may call it; tokens by their scope (an admin token acts as an admin).
 */
export function requireRole(needed: RoleValue): RequestHandler {
  return (req, _res, next) => {
    const identity = req.identity ?? { kind: "anonymous", role: null };
    const role = roleOf(identity);
    if (role !== null && roleCovers(role, needed)) return next();
    if (identity.kind === "anonymous" && identity.role === null) {
      return next(new KeelError("UNAUTHORIZED", "Send an API token (Authorization: Bearer <token>) or sign in."));
    }
    const who = identity.kind === "token" ? `This token has the "${identity.scope}" scope` : `Your role is ${role ?? "none"}`;
    next(new KeelError("FORBIDDEN", `${who}; this needs the ${needed} role (an editor's or admin's session, or an admin token).`));
  };
}
