// What a connector (github/, ...) gets from the sync engine: a way to store records through the
// same idempotent ingestion as REST events, its cursors, and the progress it reports.
import type { AnyEventInput } from "@keel/shared";
import type { ParsedReport } from "../ingest/junit/types.ts";
import type { RecordResult } from "../services/recordEvents.ts";

/** The clock rate-limit waits use; tests pass one that does not really sleep. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export type RecordType = "deployments" | "changes" | "incidents" | "builds";

export interface SyncContext {
  /** Stores events (validated as REST events are) through the idempotent ingestion, in one transaction. */
  record(events: AnyEventInput[]): Promise<RecordResult>;
  /** Adds new records of a type to the connection's counts. */
  counted(type: RecordType, n: number): void;
  /** Stores a stored build's test report under `name`, replacing a different one stored under it before. */
  testReport(buildId: string, name: string, report: ParsedReport): Promise<void>;
  cursor<T>(resource: string): Promise<T | null>;
  /** Written after the records it covers are stored: a crash replays at most what follows it. */
  saveCursor(resource: string, value: unknown): Promise<void>;
  /** One page read; also renews the claim, and throws when the claim is lost or the connection removed. */
  page(resource: string): Promise<void>;
  rateLimitWait(ms: number): void;
  /**
   * The resource's walk, oldest record first, started at record time `from` and has reached `at`
   * (ISO-8601): what the ETA is estimated from. Saved with the progress at most once a second.
   */
  reached(resource: string, from: string, at: string): Promise<void>;
  clock: Clock;
  signal: AbortSignal;
}
