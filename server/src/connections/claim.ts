// A claim is a lease on a connection's row: the one Keel server holding it runs the connection's
// sync, renewing the lease at every page; a lease not renewed (its server died) expires and another
// server may take it. Two servers on one PostgreSQL never run one connection at once.
import { Prisma } from "../generated/prisma/client.ts";
import type { Db } from "../db/client.ts";

export const LEASE_MS = 2 * 60_000;

export class ClaimLostError extends Error {
  override name = "ClaimLostError";
}

/** Takes the connection if nobody holds a live lease on it; true when this owner now holds it. */
export async function claimConnection(db: Db, id: string, owner: string, now: Date): Promise<boolean> {
  const until = new Date(now.getTime() + LEASE_MS);
  const taken = await db.$executeRaw(Prisma.sql`
    UPDATE "Connection"
       SET "claimedBy" = ${owner}, "claimedUntil" = ${until}, "status" = 'syncing', "syncRequestedAt" = NULL, "updatedAt" = ${now}
     WHERE "id" = ${id}::uuid AND ("claimedUntil" IS NULL OR "claimedUntil" < ${now} OR "claimedBy" = ${owner})`);
  return taken === 1;
}

/** Renews the lease and writes the progress; throws ClaimLostError when the row is gone or taken. */
export async function renewClaim(db: Db, id: string, owner: string, now: Date, progress: object): Promise<void> {
  const renewed = await db.connection.updateMany({
    where: { id, claimedBy: owner },
    data: { claimedUntil: new Date(now.getTime() + LEASE_MS), progress },
  });
  if (renewed.count !== 1) throw new ClaimLostError("the connection was removed or another server took over its sync");
}

export async function releaseClaim(db: Db, id: string, owner: string, data: Prisma.ConnectionUpdateManyMutationInput): Promise<void> {
  await db.connection.updateMany({ where: { id, claimedBy: owner }, data: { ...data, claimedBy: null, claimedUntil: null } });
}

/** Connections due a sync: asked for, or not synced for an interval; and held by no live lease. */
export async function dueConnections(db: Db, now: Date, intervalMs: number): Promise<string[]> {
  const rows = await db.connection.findMany({
    where: {
      AND: [
        { OR: [{ syncRequestedAt: { not: null } }, { updatedAt: { lt: new Date(now.getTime() - intervalMs) } }] },
        { OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      ],
    },
    select: { id: true },
    orderBy: [{ syncRequestedAt: { sort: "asc", nulls: "last" } }, { updatedAt: "asc" }],
  });
  return rows.map((r) => r.id);
}
