// Keeps recent read-only reports (the DORA metrics) per database and data version
// (db/queries/dataVersion.ts), so a dashboard that asks again for the same figures gets them
// without recomputing, and never gets figures older than the last commit. Callers read the data
// version first, then everything the report depends on, then ask here: the report is computed
// from that version or a later one, and served only while the version is the same.
//
// Requests for one key that arrive while it is being computed share the computation. At most
// `max` reports per database are kept, least recently used dropped first; a failed computation is
// not kept. Cached reports are frozen: callers share them and must not change them.

export interface ReportCache<T> {
  get(db: object, version: string, key: string, compute: () => Promise<T>): Promise<T>;
}

export function createReportCache<T>({ max }: { max: number }): ReportCache<T> {
  const byDatabase = new WeakMap<object, Map<string, Promise<T>>>();
  return {
    get(db, version, key, compute) {
      let entries = byDatabase.get(db);
      if (!entries) byDatabase.set(db, (entries = new Map()));
      const id = `${version}\u0000${key}`;
      const hit = entries.get(id);
      if (hit) {
        // Most recently used last: a Map iterates in insertion order.
        entries.delete(id);
        entries.set(id, hit);
        return hit;
      }
      const pending = compute().then(deepFreeze);
      entries.set(id, pending);
      pending.catch(() => {
        if (entries.get(id) === pending) entries.delete(id);
      });
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
      return pending;
    },
  };
}

/**
 * The key of a report: its whole parsed input, keys sorted. Derived, not listed, so a filter added
 * to the input is part of the key without anyone remembering to add it.
 */
export function reportKey(input: object): string {
  return JSON.stringify(Object.entries(input).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function deepFreeze<V>(value: V): V {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
