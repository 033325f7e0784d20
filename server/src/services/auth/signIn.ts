// Password sign-in with a brute-force limit: after 10 failures for one e-mail or from one address
// within 15 minutes, refuse (429) until the oldest of them is 15 minutes old. Failures are counted
// from the audit log, so every app server in front of one database shares the count.
import type { Tx } from "../../db/types.ts";
import { KeelError } from "../../errors.ts";
import { countFailedSignIns, recordAudit } from "./audit.ts";
import { verifyNothing, verifyPassword } from "./passwords.ts";
import { createSession, type SessionPolicy } from "./sessions.ts";

export const SIGN_IN_LIMIT = { failures: 10, windowMs: 15 * 60_000 } as const;

export class SignInThrottled extends KeelError {
  constructor(readonly retryAfterSeconds: number) {
    super("RATE_LIMITED", `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`);
  }
}

export async function signInWithPassword({ db, input }: { db: Tx; input: { email: string; password: string; ip: string; policy: SessionPolicy; now?: Date } }) {
  const now = input.now ?? new Date();
  const failures = await countFailedSignIns({ db, input: { email: input.email, ip: input.ip, since: new Date(now.getTime() - SIGN_IN_LIMIT.windowMs) } });
  if (failures.count >= SIGN_IN_LIMIT.failures) {
    const oldest = failures.oldest?.getTime() ?? now.getTime();
    throw new SignInThrottled(Math.max(1, Math.ceil((oldest + SIGN_IN_LIMIT.windowMs - now.getTime()) / 1000)));
  }
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, role: true, disabled: true, passwordHash: true },
  });
  const matches = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : await verifyNothing(input.password);
  if (!user || !matches || user.disabled) {
    const reason = !user ? "unknown e-mail" : !matches ? "wrong password" : "user disabled";
    await recordAudit({
      db,
      input: { actor: `user:${input.email}`, action: "auth.login.failed", target: input.email, changes: { reason }, ip: input.ip, at: now },
    });
    // One answer for every failure, so the answer does not tell which e-mails exist.
    throw new KeelError("UNAUTHORIZED", "The e-mail or password is not right, or the account is disabled.");
  }
  const session = await createSession({ db, input: { userId: user.id, policy: input.policy, now } });
  await recordAudit({
    db,
    input: { actor: `user:${user.email}`, action: "auth.login", target: user.email, changes: { method: "password" }, ip: input.ip, at: now },
  });
  return { session, user: { email: user.email, name: user.name, role: user.role } };
}
