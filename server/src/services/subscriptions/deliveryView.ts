// A delivery as the log shows it: what was sent (or tried), when, and why it failed.
import type { DeliveryData } from "@keel/shared/outputs";
import type { Delivery } from "../../generated/prisma/client.ts";

export function deliveryView(d: Delivery): DeliveryData {
  return {
    id: d.id,
    subscriptionId: d.subscriptionId,
    kind: d.kind as DeliveryData["kind"],
    week: d.week,
    status: d.status as DeliveryData["status"],
    attempts: d.attempts,
    dueAt: d.dueAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
    error: d.lastError,
    message: d.message,
    createdAt: d.createdAt.toISOString(),
  };
}
