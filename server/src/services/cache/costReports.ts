// The cost views' reports (flaky tests, hours lost, the weekly report), kept by data version
// exactly as the DORA report is (reportCache.ts): the version is read before anything else, so a
// kept report is served only while nothing has been committed since it was computed.
//
// A cost report also depends on the instant it is computed at: the default window ends today,
// and states and cost avoided are "as of" the window's end or now, whichever is earlier. The key
// therefore holds the resolved window and that instant (asOf): a window that ends in the future
// is as of now, a new key every millisecond, so it is in effect never served from here.
import { dataVersion } from "../../db/queries/dataVersion.ts";
import type { Db } from "../../db/client.ts";
import { createReportCache } from "./reportCache.ts";

const reports = createReportCache<unknown>({ max: 64 });

export async function readVersion(db: Db): Promise<string> {
  return dataVersion(db);
}

/** The report of `kind` under `version` and `key`, computed once per version. Callers must not change it. */
export function cachedCostReport<T>(db: Db, version: string, kind: string, key: unknown[], compute: () => Promise<T>): Promise<T> {
  return reports.get(db, version, JSON.stringify([kind, ...key]), compute) as Promise<T>;
}
