// Runs a transaction again when PostgreSQL aborted it to resolve a conflict with another one: a
// serialization failure or a deadlock (40001, 40P01), and, where the caller says so, a unique
// violation from two batches inserting the same new row at once (the retry reads the winner's row).
// Bounded, with jittered backoff so the retries of two colliding batches do not collide again.
// The client only sees the error if every attempt failed.
import { setTimeout as sleep } from "node:timers/promises";
import { isRetryableConflict } from "./dbErrors.ts";

export interface RetryOptions {
  attempts?: number;
  /** First backoff in ms; doubles per attempt, with full jitter. */
  baseDelayMs?: number;
  uniqueViolations?: boolean;
}

export async function withConflictRetry<T>(work: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 6, baseDelayMs = 15, uniqueViolations = false } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isRetryableConflict(error, { uniqueViolations })) throw error;
      await sleep(Math.random() * baseDelayMs * 2 ** (attempt - 1));
    }
  }
}
