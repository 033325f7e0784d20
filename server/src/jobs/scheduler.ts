// The durable scheduler (docs/digest.md "Scheduler"): every tick, each subscription's latest due
// week is inserted as a delivery row (unique per subscription and week, so each week is sent once
// whichever server inserts it, and a send missed while Keel was down goes out once on the next
// start), then due deliveries are claimed one at a time (FOR UPDATE SKIP
// LOCKED and a lease) and sent; a failure is retried with backoff, a bounded number of times.
// Between the two, the alert conditions are evaluated (services/alerts/evaluateAlerts.ts): a change
// for the worse is queued as an "alert" delivery, sent by the same loop in the same pass.
// The clock is injected, so tests move time by hand.
import type { Db } from "../db/client.ts";
import { claimDueDelivery, insertDelivery, markFailed, markSent } from "../db/queries/deliveries.ts";
import { deliver } from "../digest/deliver.ts";
import type { DigestOptions } from "../digest/transport.ts";
import type { Logger } from "../logger.ts";
import { evaluateAlerts } from "../services/alerts/evaluateAlerts.ts";
import { getOrgSettings } from "../services/getOrgSettings.ts";
import type { SecretBox } from "../services/secrets/secretBox.ts";
import { dueWeek, retryDelayMs, sendTimeOf } from "./schedule.ts";

export interface SchedulerOptions {
  db: Db;
  secrets: SecretBox;
  logger: Logger;
  digest: DigestOptions;
  now?: () => Date;
  /** How often to look for due work; 30 s by default. */
  intervalMs?: number;
  /** How long a claimed delivery is kept from other servers while it is sent. */
  leaseMs?: number;
}

export interface Scheduler {
  /** One pass: enqueue what is due, send what is due. Resolves when done. */
  tick(): Promise<{ sent: number; failed: number }>;
  /** Runs a pass soon (after "send now"). */
  kick(): void;
  /** Stops the timer and waits for the pass in flight. */
  stop(): Promise<void>;
}

export function startScheduler(options: SchedulerOptions, { timer = true }: { timer?: boolean } = {}): Scheduler {
  const { db, logger } = options;
  const now = options.now ?? (() => new Date());
  const intervalMs = options.intervalMs ?? 30_000;
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  let running: Promise<{ sent: number; failed: number }> | undefined;
  let again = false;
  let stopped = false;
  let handle: NodeJS.Timeout | undefined;

  async function enqueueDue(): Promise<void> {
    const { timeZone } = await getOrgSettings({ db });
    const at = now();
    for (const s of await db.subscription.findMany({ select: { id: true, weekday: true, time: true, createdAt: true } })) {
      const week = dueWeek(at, s, timeZone, s.createdAt);
      if (week) await insertDelivery(db, { subscriptionId: s.id, kind: "weekly", key: `weekly:${week}`, week, dueAt: sendTimeOf(week, s, timeZone) });
    }
  }

  async function queueAlerts(): Promise<void> {
    // A failure here (a metric service's error) must not hold back the weekly reports.
    try {
      const { queued } = await evaluateAlerts({ db, now: now(), publicUrl: options.digest.publicUrl });
      if (queued > 0) logger.info({ queued }, "alerts queued");
    } catch (error) {
      logger.error({ err: error }, "alert evaluation failed");
    }
  }

  async function pass(): Promise<{ sent: number; failed: number }> {
    await enqueueDue();
    await queueAlerts();
    let sent = 0;
    let failed = 0;
    for (;;) {
      if (stopped) break;
      const delivery = await claimDueDelivery(db, now(), leaseMs);
      if (!delivery) break;
      const subscription = await db.subscription.findUnique({ where: { id: delivery.subscriptionId } });
      if (!subscription) continue; // deleted meanwhile: its deliveries went with it
      try {
        const answer = await deliver({ db, secrets: options.secrets, options: options.digest, now }, delivery, subscription);
        await markSent(db, delivery.id, now());
        sent += 1;
        logger.info({ delivery: delivery.id, subscription: subscription.id, kind: delivery.kind, week: delivery.week, answer }, "delivered");
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        const delay = retryDelayMs(delivery.attempts);
        await markFailed(db, delivery.id, why, delay === null ? null : new Date(now().getTime() + delay));
        failed += 1;
        logger.warn(
          { delivery: delivery.id, subscription: subscription.id, attempts: delivery.attempts, error: why, retry: delay !== null },
          "delivery failed",
        );
      }
    }
    return { sent, failed };
  }

  function tick(): Promise<{ sent: number; failed: number }> {
    if (running) {
      again = true;
      return running;
    }
    running = pass()
      .catch((error: unknown) => {
        logger.error({ err: error }, "scheduler pass failed");
        return { sent: 0, failed: 0 };
      })
      .finally(() => {
        running = undefined;
        if (again && !stopped) {
          again = false;
          void tick();
        }
      });
    return running;
  }

  function schedule(): void {
    if (!timer || stopped) return;
    handle = setTimeout(() => {
      void tick().finally(schedule);
    }, intervalMs);
    handle.unref();
  }
  if (timer) {
    void tick(); // a send missed while Keel was down goes out now
    schedule();
  }

  return {
    tick,
    kick() {
      if (!stopped) void tick();
    },
    async stop() {
      stopped = true;
      if (handle) clearTimeout(handle);
      await running;
    },
  };
}
