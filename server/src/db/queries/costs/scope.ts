// What every cost query reads: a window [from, to), the organisation's time zone, and the services
// in scope. DORA's DoraQuery (server/src/db/queries/dora/fragments.ts) carries all of it, so cost
// queries take one and compose with the DORA fragments (attribution, rework, scope).
import type { DoraQuery } from "../dora/fragments.ts";

export type CostQuery = DoraQuery;

/** The same query over another window (the previous period, the weeks before a fix). */
export function withWindow(q: CostQuery, from: Date, to: Date): CostQuery {
  return { ...q, from, to, previousFrom: new Date(from.getTime() - (to.getTime() - from.getTime())) };
}
