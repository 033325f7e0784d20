// What the Deployments and Incidents services share: the window and filters resolved exactly as the
// DORA metrics resolve them (resolveScope: time zone, unknown team or service is a 400), and the
// DoraQuery that the engine's attribution rules (failureCauses) read for a narrow range of instants.
import type { MetricFiltersData } from "@keel/shared";
import type { Db } from "../../db/client.ts";
import type { DoraQuery } from "../../db/queries/dora/fragments.ts";
import { resolveScope } from "../scope/resolveScope.ts";

const MS = 1;

/**
 * The list's window and scope. `previousFrom` is set just before `from` rather than a whole period
 * back: the lists need the attribution of their own window only, and the rules look back from a
 * deployment or incident, never before it (one millisecond keeps ties at `from` in view).
 */
export async function listScope(db: Db, input: MetricFiltersData): Promise<{ q: DoraQuery; timeZone: string; attributionHours: number }> {
  const { settings, q } = await resolveScope({ db, input });
  return { q: { ...q, previousFrom: new Date(q.from.getTime() - MS) }, timeZone: settings.timeZone, attributionHours: q.attributionHours };
}

/**
 * A DoraQuery covering exactly the instants [first, last] (for one record or one page of records).
 * Records compute no recovery time, so its start setting is left at its default.
 */
export function queryAround(base: Omit<DoraQuery, "from" | "to" | "previousFrom" | "recoveryFrom">, first: Date, last: Date): DoraQuery {
  return {
    ...base,
    recoveryFrom: "incidentOpened",
    from: first,
    to: new Date(last.getTime() + MS),
    previousFrom: new Date(first.getTime() - MS),
  };
}

export const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** One page of a list, with the window it is of and the total over all pages. */
export interface ListPage<T> {
  window: { from: string; to: string };
  timeZone: string;
  total: number;
  offset: number;
  limit: number;
  items: T[];
}

export function listPage<T>(
  q: Pick<DoraQuery, "from" | "to">,
  timeZone: string,
  total: number,
  page: { offset: number; limit: number },
  items: T[],
): ListPage<T> {
  return { window: { from: q.from.toISOString(), to: q.to.toISOString() }, timeZone, total, offset: page.offset, limit: page.limit, items };
}
