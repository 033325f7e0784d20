// The durable queue behind the webhooks is the RawEvent table itself: a delivery is committed
// there before it is acknowledged, and this schedules its processing after the answer. Kicks are
// debounced and never block the caller; one drain runs at a time per process, and claims keep
// processes sharing a database off each other's deliveries. Anything a crash left pending is
// picked up by the kick at startup, and a slow poll picks up what another instance received and
// could not finish (it died holding the claim, or it stopped before draining).
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { pendingWebhookEvents, processPendingRawEvents } from "./processRawEvents.ts";
import { createWebhookSpool, type WebhookSpool } from "./webhookSpool.ts";

export interface WebhookQueue {
  /** Process pending deliveries soon. Returns at once. */
  kick(): void;
  /** Deliveries stored and not yet processed (for metrics). */
  depth(): Promise<number>;
  /** Resolves once nothing is scheduled or running. */
  idle(): Promise<void>;
  /** No new work; waits for the delivery in flight. */
  stop(): Promise<void>;
  /** Where deliveries wait while the embedded database is busy (none on PostgreSQL). */
  spool?: WebhookSpool | undefined;
}

export interface WebhookQueueOptions {
  db: Db;
  logger: Logger;
  debounceMs?: number;
  /** How often to look for work that no kick announced; 0 turns polling off. */
  pollMs?: number;
  /** This process's name on its claims. */
  instance?: string;
  /**
   * The spool's directory (the embedded database's data directory holds it), or "memory" for an
   * in-memory database. Unset on PostgreSQL: app servers may have no lasting disk of their own.
   */
  spool?: string | undefined;
}

export function createWebhookQueue({
  db,
  logger,
  debounceMs = 20,
  pollMs = 30_000,
  instance = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`,
  spool: spoolAt,
}: WebhookQueueOptions): WebhookQueue {
  const spool = spoolAt ? createWebhookSpool(spoolAt) : undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let kickedWhileRunning = false;
  let stopped = false;
  const waiters: (() => void)[] = [];

  const settle = () => {
    if (timer || running) return;
    for (const resolve of waiters.splice(0)) resolve();
  };

  const drain = async () => {
    try {
      await spool?.flush(db);
      await processPendingRawEvents({ db, logger, instance, shouldStop: () => stopped });
    } catch (error) {
      // The deliveries stay pending: the next kick (a new delivery, or the next start) retries.
      logger.error({ err: error }, "processing webhook deliveries failed; they stay queued");
    }
  };

  const schedule = () => {
    timer = setTimeout(() => {
      timer = undefined;
      running = drain().finally(() => {
        running = undefined;
        // A delivery stored just as the drain found nothing left: go round once more.
        if (kickedWhileRunning && !stopped) {
          kickedWhileRunning = false;
          schedule();
        } else settle();
      });
    }, debounceMs);
    // Pending work must not keep a stopping process alive: it is durable, the next start resumes it.
    timer.unref();
  };

  const poll = pollMs > 0 ? setInterval(() => queue.kick(), pollMs) : undefined;
  poll?.unref();

  const queue: WebhookQueue = {
    spool,
    kick() {
      if (stopped) return;
      if (running) kickedWhileRunning = true;
      else if (!timer) schedule();
    },
    depth: () => db.rawEvent.count({ where: pendingWebhookEvents }),
    idle() {
      return new Promise((resolve) => {
        waiters.push(resolve);
        settle();
      });
    },
    async stop() {
      stopped = true;
      clearInterval(poll);
      clearTimeout(timer);
      timer = undefined;
      await running;
      settle();
    },
  };
  return queue;
}
