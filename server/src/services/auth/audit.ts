// The audit trail (docs/security.md "Audit log"): who did what to what, when, and what changed.
// Secrets never reach it: fields named like a password or token are left out of `changes`.
import type { AuditLogData } from "@keel/shared/outputs";
import type { Tx } from "../../db/types.ts";

const SECRET_FIELD = /password|secret|token$/i;

export interface AuditEntryInput {
  actor: string;
  action: string;
  target: string;
  changes?: Record<string, unknown>;
  ip?: string | undefined;
  at?: Date;
}

export function withoutSecrets(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, SECRET_FIELD.test(key) ? "(set)" : value]));
}

export async function recordAudit({ db, input }: { db: Tx; input: AuditEntryInput }): Promise<void> {
  await db.auditEvent.create({
    data: {
      actor: input.actor,
      action: input.action,
      target: input.target,
      changes: JSON.parse(JSON.stringify(withoutSecrets(input.changes ?? {}))) as object,
      ip: input.ip ?? null,
      ...(input.at ? { at: input.at } : {}),
    },
  });
}

/** Newest first; `before` is the id of the last entry already shown. */
export async function listAudit({ db, input }: { db: Tx; input: { limit: number; before?: number | undefined } }): Promise<AuditLogData> {
  const rows = await db.auditEvent.findMany({
    where: input.before ? { id: { lt: BigInt(input.before) } } : {},
    orderBy: { id: "desc" },
    take: input.limit,
  });
  return {
    entries: rows.map((r) => ({ ...r, id: String(r.id), at: r.at.toISOString(), changes: r.changes as Record<string, unknown> })),
  };
}

/** Failed sign-ins for this e-mail, or from this address, since `since` (the brute-force limit). */
export async function countFailedSignIns({ db, input }: { db: Tx; input: { email: string; ip: string; since: Date } }) {
  const where = { action: "auth.login.failed", at: { gte: input.since } };
  const [byEmail, byIp, oldest] = await Promise.all([
    db.auditEvent.count({ where: { ...where, target: input.email } }),
    db.auditEvent.count({ where: { ...where, ip: input.ip } }),
    db.auditEvent.findFirst({ where: { ...where, OR: [{ target: input.email }, { ip: input.ip }] }, orderBy: { at: "asc" }, select: { at: true } }),
  ]);
  return { count: Math.max(byEmail, byIp), oldest: oldest?.at ?? null };
}

/** Runs a change, then records it: the one way a change made through the API reaches the audit log. */
export async function audited<T>({ db, input }: { db: Tx; input: AuditEntryInput }, change: () => Promise<T>): Promise<T> {
  const result = await change();
  await recordAudit({ db, input });
  return result;
}
