// Claims on stored webhook deliveries, so that several Keel instances sharing one PostgreSQL never
// process the same delivery. A claim is one statement: the oldest pending delivery that nobody
// holds is locked with FOR UPDATE SKIP LOCKED (concurrent claimers skip it rather than wait for it)
// and marked with the claimer and the time. The mark, not a transaction, keeps others off while it
// is processed, so PGlite's single connection stays free for the processing itself. A claim is a
// lease: renewed while the work goes on, taken over once it is older than the lease (its instance
// died mid-delivery; recording is idempotent, so finishing the work again is harmless).
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";

export interface ClaimedDelivery {
  id: bigint;
  source: string;
  kind: string;
  payload: Prisma.JsonValue;
  receivedAt: Date;
}

export async function claimPendingDelivery(
  db: Tx,
  claim: { instance: string; sources: readonly string[]; leaseSeconds: number },
): Promise<ClaimedDelivery | undefined> {
  const rows = await db.$queryRaw<ClaimedDelivery[]>(Prisma.sql`
    UPDATE "RawEvent" r SET "claimedBy" = ${claim.instance}, "claimedAt" = now()
    WHERE r.id = (
      SELECT id FROM "RawEvent"
      WHERE "processedAt" IS NULL
        AND source IN (SELECT json_array_elements_text(${JSON.stringify(claim.sources)}::json))
        AND ("claimedAt" IS NULL OR "claimedAt" < now() - make_interval(secs => ${claim.leaseSeconds}::int))
      ORDER BY id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING r.id, r.source, r.kind, r.payload, r."receivedAt"`);
  return rows[0];
}

/** Keeps a claim alive during long work; false when another instance has taken it over. */
export async function renewClaim(db: Tx, id: bigint, instance: string): Promise<boolean> {
  const renewed = await db.$executeRaw(Prisma.sql`
    UPDATE "RawEvent" SET "claimedAt" = now() WHERE id = ${id} AND "claimedBy" = ${instance} AND "processedAt" IS NULL`);
  return renewed === 1;
}

/** Marks a delivery processed, with a note saying what came of it. */
export async function finishDelivery(db: Tx, id: bigint, note: string): Promise<void> {
  await db.$executeRaw(Prisma.sql`UPDATE "RawEvent" SET "processedAt" = now(), note = ${note} WHERE id = ${id}`);
}
