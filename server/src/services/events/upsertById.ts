// Deployments, incidents and builds carry their own stable id: new ids are inserted in one
// statement, known ones updated in place (an incident sent open, then resolved, stays one row).
import type { Tx } from "../../db/types.ts";

export interface UpsertCounts {
  created: number;
  updated: number;
}

export async function upsertById<Row extends { id: string }>(
  rows: Row[],
  existingIds: (ids: string[]) => Promise<{ id: string }[]>,
  createMany: (rows: Row[]) => Promise<unknown>,
  update: (row: Row) => Promise<unknown>,
): Promise<UpsertCounts> {
  // Within one batch the last event for an id wins.
  const latest = [...new Map(rows.map((row) => [row.id, row])).values()];
  if (latest.length === 0) return { created: 0, updated: 0 };
  const known = new Set((await existingIds(latest.map((r) => r.id))).map((r) => r.id));
  const fresh = latest.filter((r) => !known.has(r.id));
  if (fresh.length) await createMany(fresh);
  for (const row of latest) if (known.has(row.id)) await update(row);
  return { created: fresh.length, updated: latest.length - fresh.length };
}

export type { Tx };
