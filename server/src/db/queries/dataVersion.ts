// A version of everything committed in the database, for caching read-only reports exactly.
//
// pg_current_snapshot() is (xmin, xmax, the transactions in progress). Every commit of a
// transaction that wrote anything either raises xmax or removes its id from the in-progress list,
// and neither ever goes back, so the text changes with every commit and never repeats. A result
// computed from this snapshot (or a later one) is therefore exactly what a fresh computation
// would give for as long as the snapshot text is unchanged. Any write, even one a report does
// not read, changes it: that costs a recomputation, never a stale answer. Works the same on
// PostgreSQL (any pooled connection) and on PGlite.
import type { Tx } from "../types.ts";

export async function dataVersion(db: Tx): Promise<string> {
  const [row] = await db.$queryRaw<{ version: string }[]>`SELECT pg_current_snapshot()::text AS version`;
  if (!row) throw new Error("pg_current_snapshot() returned no row");
  return row.version;
}
