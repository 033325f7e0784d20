// What `keel backfill` shows while a connection syncs: one line of the sync's own figures (the
// connection's `progress`), and the summary when it ends. Pure, so the wording is tested by table.
import type { ConnectionCounts, ConnectionProgress } from "@keel/shared";
import { countOf } from "@keel/shared/numbers";

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** A walk needs this long behind it before its pace says anything. */
const ESTIMATE_AFTER_MS = 3_000;

/**
 * The time left on the resource's walk, if it can be told: the walk reads records oldest first up
 * to now, so at its pace so far (record time covered per second) the rest, from where it has reached
 * to now, takes elapsed × left ÷ covered. An estimate: it assumes records are spread evenly in time.
 */
export function walkEta(walk: ConnectionProgress["walk"], now: number): number | null {
  if (!walk) return null;
  const covered = Date.parse(walk.reached) - Date.parse(walk.from);
  const elapsed = now - Date.parse(walk.startedAt);
  if (!(covered > 0) || elapsed < ESTIMATE_AFTER_MS) return null;
  return (elapsed * Math.max(0, now - Date.parse(walk.reached))) / covered;
}

/** "deployments acme/checkout · 12 pages · 340 records · 1 rate-limit wait · 0:42 elapsed · about 1:10 left (this resource)". */
export function progressLine(progress: ConnectionProgress | null, now: number): string {
  if (!progress) return "waiting for the sync to start…";
  const eta = walkEta(progress.walk, now);
  const parts = [
    progress.resource ?? "starting",
    countOf(progress.pages, "page"),
    countOf(progress.records, "record"),
    countOf(progress.rateLimitWaits, "rate-limit wait"),
    `${formatDuration(now - Date.parse(progress.startedAt))} elapsed`,
    ...(eta === null ? [] : [`about ${formatDuration(eta)} left (this resource)`]),
  ];
  return parts.join(" · ");
}

/** "4 deployments, 5 changes, 1 incident, 1 build": what the connection has brought in over its syncs. */
export function countsLine(counts: ConnectionCounts): string {
  return [
    countOf(counts.deployments ?? 0, "deployment"),
    countOf(counts.changes ?? 0, "change"),
    countOf(counts.incidents ?? 0, "incident"),
    countOf(counts.builds ?? 0, "build"),
  ].join(", ");
}
