// Bearer tokens (api.md "Auth"). A token's scope must cover the route: ingest routes take ingest
// or admin, read routes read or admin. KEEL_API_TOKEN, when set, is an admin token.
import { timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import type { Db } from "../db/client.ts";
import { KeelError } from "../errors.ts";
import { hashToken, markTokenUsed, type TokenScopeValue } from "../services/tokens.ts";

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(hashToken(a));
  const y = Buffer.from(hashToken(b));
  return timingSafeEqual(x, y);
}

/** `needed`: the scope (or any of the scopes) a token needs besides admin. */
export function requireScope(db: Db, envToken: string | undefined, needed: Exclude<TokenScopeValue, "admin"> | readonly Exclude<TokenScopeValue, "admin">[]): RequestHandler {
  const allowed: readonly string[] = typeof needed === "string" ? [needed] : needed;
  const named = allowed.map((scope) => `"${scope}"`).join(" or ");
  return async (req, _res, next) => {
    const header = req.get("authorization") ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) return next(new KeelError("UNAUTHORIZED", "Send an API token: Authorization: Bearer <token>."));
    if (envToken && sameSecret(token, envToken)) return next();
    try {
      const row = await db.apiToken.findUnique({ where: { hash: hashToken(token) }, select: { id: true, scope: true, revokedAt: true } });
      if (!row || row.revokedAt) return next(new KeelError("UNAUTHORIZED", "The API token is not valid (unknown or revoked)."));
      if (row.scope !== "admin" && !allowed.includes(row.scope)) {
        return next(new KeelError("FORBIDDEN", `This token has the "${row.scope}" scope; this endpoint needs ${named} or "admin".`));
      }
      // "Last used" in the settings page; written at most once a minute per token.
      await markTokenUsed({ db, input: { id: row.id } });
      next();
    } catch (error) {
      next(error);
    }
  };
}
