// Every connector's answer to a rate limit: wait as long as the vendor asks, on the injected clock,
// and send the request again; a rate limit only delays a sync. How long to wait is the vendor's rule
// (github/rateLimit.ts, gitlab/rateLimit.ts).
import type { Clock } from "./types.ts";

/** Rate-limit waits in a row before the sync gives up on one request. */
const MAX_WAITS = 10;

export interface WaitOptions {
  clock: Clock;
  onWait: (ms: number) => void;
  signal: AbortSignal;
}

/** Runs `send` until it does not fail with a rate limit (`waitFor` gives the wait, or undefined: not one). */
export async function waitingOutRateLimits<T>(send: () => Promise<T>, waitFor: (error: unknown) => number | undefined, options: WaitOptions): Promise<T> {
  for (let waits = 0; ; waits++) {
    try {
      return await send();
    } catch (error) {
      const wait = waitFor(error);
      if (wait === undefined || waits >= MAX_WAITS) throw error;
      options.onWait(wait);
      await options.clock.sleep(wait);
      options.signal.throwIfAborted();
    }
  }
}
