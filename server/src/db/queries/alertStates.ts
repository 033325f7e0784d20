// The alert states' statements (services/alerts/evaluateAlerts.ts). A change of state and the alert
// it raises are one transaction, and the change is conditional on the state last read: the first
// sight is an INSERT ... ON CONFLICT DO NOTHING, a change an UPDATE ... WHERE state = the state
// read. When two servers see the same change, PostgreSQL makes the second wait for the first's
// row and then finds nothing to change, so one alert is queued, not two.
import { randomUUID } from "node:crypto";
import type { Db } from "../client.ts";
import type { Tx } from "../types.ts";
import { insertDelivery } from "./deliveries.ts";

export interface StateChange {
  subscriptionId: string;
  key: string;
  /** The state read before; undefined when the condition was never seen. */
  previous: string | undefined;
  state: string;
  at: Date;
  /** The alert to queue with the change (the Delivery's message), or null for a silent change. */
  alert: { message: string; week: string } | null;
}

/** Applies one change unless another server did first; true when this call queued an alert. */
export async function changeAlertState(db: Db, c: StateChange): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const alertedAt = c.alert ? c.at : undefined;
    const changed =
      c.previous === undefined
        ? (
            await tx.alertState.createMany({
              data: [{ subscriptionId: c.subscriptionId, key: c.key, state: c.state, changedAt: c.at, alertedAt: alertedAt ?? null }],
              skipDuplicates: true,
            })
          ).count
        : (
            await tx.alertState.updateMany({
              where: { subscriptionId: c.subscriptionId, key: c.key, state: c.previous },
              data: { state: c.state, changedAt: c.at, ...(alertedAt ? { alertedAt } : {}) },
            })
          ).count;
    if (changed === 0 || !c.alert) return false;
    await insertDelivery(tx, {
      subscriptionId: c.subscriptionId,
      kind: "alert",
      key: `alert:${c.key}:${randomUUID()}`,
      week: c.alert.week,
      dueAt: c.at,
      message: c.alert.message,
    });
    return true;
  });
}

/** Forgets the conditions a subscription no longer watches (a deleted goal or team). */
export async function forgetOtherStates(db: Tx, subscriptionId: string, keys: string[]): Promise<void> {
  await db.alertState.deleteMany({ where: { subscriptionId, key: { notIn: keys } } });
}
