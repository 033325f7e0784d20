// Sessions: an opaque random id in an HttpOnly cookie; only its SHA-256 is stored. A session ends
// at sign-out, when idle too long, at its absolute expiry, or when its user is disabled or changes role.
import { randomBytes } from "node:crypto";
import type { RoleValue } from "@keel/shared";
import type { Tx } from "../../db/types.ts";
import { hashToken } from "../tokens.ts";

export interface SessionPolicy {
  idleMs: number;
  maxMs: number;
}

/** "Last seen" is written at most once a minute per session, not on every request. */
const LAST_SEEN_PRECISION_MS = 60_000;

export async function createSession({ db, input }: { db: Tx; input: { userId: string; policy: SessionPolicy; now?: Date } }) {
  const now = input.now ?? new Date();
  const cookie = randomBytes(32).toString("base64url");
  await db.session.create({
    data: { hash: hashToken(cookie), userId: input.userId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + input.policy.maxMs) },
  });
  await db.user.update({ where: { id: input.userId }, data: { lastSignInAt: now } });
  return { cookie, expiresAt: new Date(now.getTime() + input.policy.maxMs) };
}

export interface SessionUser {
  sessionId: string;
  userId: string;
  email: string;
  name: string;
  role: RoleValue;
}

/** The user behind a cookie, or null when the session is unknown, expired or its user disabled. */
export async function resolveSession({ db, input }: { db: Tx; input: { cookie: string; policy: SessionPolicy; now?: Date } }): Promise<SessionUser | null> {
  const now = input.now ?? new Date();
  const row = await db.session.findUnique({
    where: { hash: hashToken(input.cookie) },
    select: { id: true, lastSeenAt: true, expiresAt: true, user: { select: { id: true, email: true, name: true, role: true, disabled: true } } },
  });
  if (!row || row.user.disabled) return null;
  if (row.expiresAt <= now || row.lastSeenAt.getTime() + input.policy.idleMs <= now.getTime()) {
    await db.session.deleteMany({ where: { id: row.id } });
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) {
    await db.session.updateMany({ where: { id: row.id }, data: { lastSeenAt: now } });
  }
  return { sessionId: row.id, userId: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role };
}

export async function endSession({ db, input }: { db: Tx; input: { cookie: string } }): Promise<void> {
  await db.session.deleteMany({ where: { hash: hashToken(input.cookie) } });
}

export async function endUserSessions({ db, input }: { db: Tx; input: { userId: string } }): Promise<number> {
  return (await db.session.deleteMany({ where: { userId: input.userId } })).count;
}
