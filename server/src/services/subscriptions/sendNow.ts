// "Send now" (POST /api/v1/subscriptions/{id}/send): queues the last full week's report for this
// subscription, due at once, and answers 202 with the queued delivery. The scheduler sends it
// (jobs/scheduler.ts), with the same retries as a scheduled send; its outcome is in the log.
import { randomUUID } from "node:crypto";
import type { DeliveryData } from "@keel/shared/outputs";
import type { Tx } from "../../db/types.ts";
import { KeelError } from "../../errors.ts";
import { lastFullWeek } from "../../jobs/schedule.ts";
import { getOrgSettings } from "../getOrgSettings.ts";
import { deliveryView } from "./deliveryView.ts";

export async function sendNow({ db, input, now = new Date() }: { db: Tx; input: { id: string }; now?: Date }): Promise<{ delivery: DeliveryData }> {
  const subscription = await db.subscription.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!subscription) throw new KeelError("NOT_FOUND", `No subscription has the id ${input.id}.`);
  const { timeZone } = await getOrgSettings({ db });
  const row = await db.delivery.create({
    data: { subscriptionId: subscription.id, kind: "now", key: `now:${randomUUID()}`, week: lastFullWeek(now, timeZone), dueAt: now },
  });
  return { delivery: deliveryView(row) };
}
