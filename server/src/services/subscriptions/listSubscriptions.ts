// The subscriptions (GET /api/v1/subscriptions), newest first, each with its last delivery.
import type { Tx } from "../../db/types.ts";
import { deliveryView, type DeliveryView } from "./deliveryView.ts";
import { subscriptionView, type SubscriptionView } from "./subscriptionView.ts";

export async function listSubscriptions({ db }: { db: Tx }): Promise<{ subscriptions: (SubscriptionView & { lastDelivery: DeliveryView | null })[] }> {
  const rows = await db.subscription.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: { deliveries: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  return { subscriptions: rows.map((r) => ({ ...subscriptionView(r), lastDelivery: r.deliveries[0] ? deliveryView(r.deliveries[0]) : null })) };
}
