// What happened, for whoever watches a database (GET /metrics): events ingested and sync runs.
// Observers are kept per database client, so that several Keel apps in one process (the tests)
// each count their own. Calling these with nobody watching costs a map lookup.
import type { Db } from "../db/client.ts";

export type SyncOutcome = "success" | "failure";

export interface SignalObserver {
  /** `count` events of `type` ("deployment", "change", ..., "test_report") were accepted. */
  eventsIngested?(type: string, count: number): void;
  /** A connection's sync finished (`kind`: "github", "gitlab", "pagerduty"). */
  syncRun?(kind: string, outcome: SyncOutcome): void;
}

const observers = new WeakMap<Db, Set<SignalObserver>>();

/** Starts watching `db`; returns the function that stops it. */
export function observeSignals(db: Db, observer: SignalObserver): () => void {
  let set = observers.get(db);
  if (!set) observers.set(db, (set = new Set()));
  set.add(observer);
  return () => set.delete(observer);
}

/** Counts accepted events by type (recordEvents and recordTestReports call this once per batch). */
export function recordEventsIngested(db: Db, types: Iterable<string>): void {
  const set = observers.get(db);
  if (!set?.size) return;
  const counts = new Map<string, number>();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  for (const observer of set) for (const [type, count] of counts) observer.eventsIngested?.(type, count);
}

/**
 * Call once at the end of every connection sync (keel_sync_runs_total{kind, outcome} on
 * GET /metrics): outcome "failure" when the sync stopped on an error it could not wait out.
 */
export function recordSyncRun(db: Db, kind: string, outcome: SyncOutcome): void {
  for (const observer of observers.get(db) ?? []) observer.syncRun?.(kind, outcome);
}
