// The subscriptions (GET /api/v1/subscriptions), newest first, each with its last delivery and its
// last alert (Settings shows "no alerts yet" until there is one).
import type { SubscriptionListData } from "@keel/shared/outputs";
import type { Tx } from "../../db/types.ts";
import { deliveryView } from "./deliveryView.ts";
import { subscriptionView } from "./subscriptionView.ts";

export async function listSubscriptions({ db }: { db: Tx }): Promise<SubscriptionListData> {
  const rows = await db.subscription.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: { deliveries: { orderBy: { createdAt: "desc" }, take: 1 } },
  });
  // One small query per subscription that asks for alerts (a handful), each on the (subscriptionId, createdAt) index.
  const alerts = await Promise.all(
    rows
      .filter((r) => r.alerts)
      .map((r) => db.delivery.findFirst({ where: { subscriptionId: r.id, kind: "alert" }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] })),
  );
  const lastAlert = new Map(alerts.flatMap((d) => (d ? [[d.subscriptionId, deliveryView(d)] as const] : [])));
  return {
    subscriptions: rows.map((r) => ({
      ...subscriptionView(r),
      lastDelivery: r.deliveries[0] ? deliveryView(r.deliveries[0]) : null,
      lastAlert: lastAlert.get(r.id) ?? null,
    })),
  };
}
