// The delivery queue's statements (jobs/scheduler.ts). A scheduled week is one row per
// (subscription, key): whichever server inserts it first wins, the others' inserts do nothing. A
// claim is one statement: the oldest due pending delivery nobody holds is locked with FOR UPDATE
// SKIP LOCKED and leased (lockedUntil) in the same update, so two servers never take the same row;
// the lease, not an open transaction, keeps others off while it is sent.
import { randomUUID } from "node:crypto";
import { Prisma, type Delivery } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";

export interface NewDelivery {
  subscriptionId: string;
  kind: "weekly" | "now" | "alert";
  key: string;
  week: string;
  dueAt: Date;
  message?: string | null;
}

/** Inserts unless the (subscription, key) row exists; true when this call inserted it. */
export async function insertDelivery(db: Tx, d: NewDelivery): Promise<boolean> {
  const inserted = await db.$executeRaw(Prisma.sql`
    INSERT INTO "Delivery" (id, "subscriptionId", kind, key, week, message, "dueAt")
    VALUES (${randomUUID()}::uuid, ${d.subscriptionId}::uuid, ${d.kind}, ${d.key}, ${d.week}, ${d.message ?? null}, ${d.dueAt})
    ON CONFLICT ("subscriptionId", key) DO NOTHING`);
  return inserted > 0;
}

export async function claimDueDelivery(db: Tx, now: Date, leaseMs: number): Promise<Delivery | undefined> {
  const rows = await db.$queryRaw<Delivery[]>(Prisma.sql`
    UPDATE "Delivery" d SET "lockedUntil" = ${new Date(now.getTime() + leaseMs)}, attempts = d.attempts + 1
    WHERE d.id = (
      SELECT id FROM "Delivery"
      WHERE status = 'pending' AND "dueAt" <= ${now} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
      ORDER BY "dueAt", id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING d.*`);
  return rows[0];
}

export async function markSent(db: Tx, id: string, at: Date): Promise<void> {
  await db.delivery.update({ where: { id }, data: { status: "sent", sentAt: at, lockedUntil: null, lastError: null } });
}

/** A failed attempt: retried at `retryAt`, or failed for good when null. */
export async function markFailed(db: Tx, id: string, error: string, retryAt: Date | null): Promise<void> {
  await db.delivery.update({
    where: { id },
    data: retryAt ? { lastError: error, dueAt: retryAt, lockedUntil: null } : { lastError: error, status: "failed", lockedUntil: null },
  });
}
