// The first admin. On a start with no users, Keel prints a one-time link (valid 24 hours; a new
// one each start until it is used) that lets the person at the terminal choose the first admin's
// e-mail and password. Once any user exists, setup is closed.
import { DAY_MS } from "@keel/shared/calendar";
import { randomBytes } from "node:crypto";
import type { Tx } from "../../db/types.ts";
import { KeelError } from "../../errors.ts";
import { recordAudit } from "./audit.ts";
import { hashPassword } from "./passwords.ts";
import { hashToken } from "../tokens.ts";
import { createSession, type SessionPolicy } from "./sessions.ts";

const SETUP_LINK_MS = DAY_MS;

/** A new setup token when there is no user yet (older unused links stop working); else undefined. */
export async function openSetupIfNoUsers({ db, now = new Date() }: { db: Tx; now?: Date }): Promise<string | undefined> {
  if ((await db.user.count()) > 0) return undefined;
  const token = randomBytes(24).toString("base64url");
  await db.setupLink.deleteMany({ where: { usedAt: null } });
  await db.setupLink.create({ data: { hash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + SETUP_LINK_MS) } });
  return token;
}

export async function needsSetup({ db }: { db: Tx }): Promise<boolean> {
  return (await db.user.count()) === 0;
}

export async function completeSetup({
  db,
  input,
}: {
  db: Tx;
  input: { token: string; email: string; name: string; password: string; ip: string; policy: SessionPolicy; now?: Date };
}) {
  const now = input.now ?? new Date();
  const link = await db.setupLink.findUnique({ where: { hash: hashToken(input.token) } });
  if (!link || link.usedAt || link.expiresAt <= now) {
    throw new KeelError(
      "FORBIDDEN",
      "This setup link is not valid (used, expired or replaced). Restart Keel for a new one, or use: keel user create --role admin.",
    );
  }
  if ((await db.user.count()) > 0) throw new KeelError("CONFLICT", "Keel already has users; sign in instead.");
  const user = await db.user.create({ data: { email: input.email, name: input.name, role: "admin", passwordHash: await hashPassword(input.password) } });
  await db.setupLink.update({ where: { id: link.id }, data: { usedAt: now } });
  await recordAudit({
    db,
    input: {
      actor: `user:${user.email}`,
      action: "user.create",
      target: user.email,
      changes: { role: "admin", via: "first-run setup link" },
      ip: input.ip,
      at: now,
    },
  });
  const session = await createSession({ db, input: { userId: user.id, policy: input.policy, now } });
  return { session, user: { email: user.email, name: user.name, role: user.role } };
}
