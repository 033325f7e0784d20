// The connections' schedule on this server (started by start.ts, stopped on close): every
// connection asked for ("sync now", a new connection) or not synced for KEEL_SYNC_INTERVAL_MINUTES
// runs, one at a time, under a claim so servers sharing a database never run one connection twice.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { SecretBox } from "../services/secrets/secretBox.ts";
import { dueConnections } from "./claim.ts";
import { runConnectionSync, type SyncFinished } from "./run.ts";
import { realClock, type Clock } from "./types.ts";

const LOOK_EVERY_MS = 30_000;

export interface SyncScheduler {
  /** Look for due connections now (after "sync now"). */
  kick(): void;
  /** Resolves when no sync runs and none is due (tests). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  db: Db;
  secrets: SecretBox;
  logger: Logger;
  intervalMinutes: number;
  clock?: Clock | undefined;
  /** Metrics' call site: one call per finished sync run (e.g. recordSyncRun(run.kind, run.outcome)). */
  onSyncFinished?: ((run: SyncFinished) => void) | undefined;
}

export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const clock = options.clock ?? realClock;
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const abort = new AbortController();
  const intervalMs = options.intervalMinutes > 0 ? options.intervalMinutes * 60_000 : Number.POSITIVE_INFINITY;
  let running: Promise<void> | undefined;
  let again = false;

  const look = async () => {
    for (;;) {
      again = false;
      const due = await dueConnections(options.db, new Date(clock.now()), Number.isFinite(intervalMs) ? intervalMs : 8.64e15);
      for (const id of due) {
        if (abort.signal.aborted) return;
        await runConnectionSync({ ...options, clock, owner, signal: abort.signal }, id);
      }
      if (!again || abort.signal.aborted) return;
    }
  };
  const kick = () => {
    if (abort.signal.aborted) return;
    if (running) {
      again = true;
      return;
    }
    running = look()
      .catch((error: unknown) => options.logger.error({ err: error }, "connection schedule failed"))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(kick, LOOK_EVERY_MS);
  timer.unref();
  kick();
  return {
    kick,
    async idle() {
      while (running) await running;
    },
    async stop() {
      clearInterval(timer);
      abort.abort();
      await running;
    },
  };
}
