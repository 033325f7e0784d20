// API tokens: shown once when created, stored only as a SHA-256 hash.
import { createHash, randomBytes } from "node:crypto";
import type { TokenScopeNameValue } from "@keel/shared";
import type { TokenData } from "@keel/shared/outputs";
import type { Tx } from "../db/types.ts";
import { KeelError } from "../errors.ts";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createToken({ db, input }: { db: Tx; input: { name: string; scope: TokenScopeNameValue } }) {
  const token = `keel_${randomBytes(24).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: { name: input.name, scope: input.scope, hash: hashToken(token), prefix: token.slice(0, 10) },
    select: { id: true, name: true, scope: true, prefix: true, createdAt: true },
  });
  return { ...row, createdAt: row.createdAt.toISOString(), token };
}

export async function revokeToken({ db, input }: { db: Tx; input: { idOrPrefix: string } }) {
  const { idOrPrefix } = input;
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrPrefix);
  const matches = await db.apiToken.findMany({
    where: { revokedAt: null, OR: [...(isUuid ? [{ id: idOrPrefix }] : []), { prefix: idOrPrefix }, { name: idOrPrefix }] },
  });
  if (matches.length === 0) throw new KeelError("NOT_FOUND", `No active token matches "${idOrPrefix}".`);
  if (matches.length > 1) throw new KeelError("CONFLICT", `${matches.length} tokens match "${idOrPrefix}"; use the token id.`);
  const [match] = matches as [(typeof matches)[number]];
  await db.apiToken.update({ where: { id: match.id }, data: { revokedAt: new Date() } });
  return { id: match.id, name: match.name };
}

/** First start with no token at all: create an admin token so the API is usable. Returns it once. */
export async function ensureFirstToken({ db }: { db: Tx }): Promise<string | undefined> {
  if ((await db.apiToken.count()) > 0) return undefined;
  const { token } = await createToken({ db, input: { name: "first-start admin", scope: "admin" } });
  return token;
}

/** Every token, active ones first, newest first (tRPC tokens.list). Never the token or its hash. */
export async function listTokens({ db }: { db: Tx }): Promise<TokenData[]> {
  const rows = await db.apiToken.findMany({
    select: { id: true, name: true, scope: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  });
  const iso = (d: Date | null) => (d === null ? null : d.toISOString());
  return rows
    .map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), lastUsedAt: iso(r.lastUsedAt), revokedAt: iso(r.revokedAt) }))
    .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null));
}

/** How stale "last used" may get: one write a minute per busy token, not one per request. */
const LAST_USED_PRECISION_MS = 60_000;

/** Records that a token was just used (the settings page shows it). */
export async function markTokenUsed({ db, input }: { db: Tx; input: { id: string; now?: Date } }): Promise<void> {
  const now = input.now ?? new Date();
  await db.apiToken.updateMany({
    where: { id: input.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_PRECISION_MS) } }] },
    data: { lastUsedAt: now },
  });
}
