// The delivery log (GET /api/v1/subscriptions/{id}/deliveries, or every subscription's): the last
// 50, newest first. Served by the (subscriptionId, createdAt) index.
import type { DeliveryData } from "@keel/shared/outputs";
import type { Tx } from "../../db/types.ts";
import { KeelError } from "../../errors.ts";
import { deliveryView } from "./deliveryView.ts";

export const DELIVERY_LOG_LIMIT = 50;

export async function listDeliveries({ db, input }: { db: Tx; input: { id?: string | undefined } }): Promise<{ deliveries: DeliveryData[] }> {
  if (input.id && !(await db.subscription.findUnique({ where: { id: input.id }, select: { id: true } }))) {
    throw new KeelError("NOT_FOUND", `No subscription has the id ${input.id}.`);
  }
  const rows = await db.delivery.findMany({
    where: input.id ? { subscriptionId: input.id } : {},
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: DELIVERY_LOG_LIMIT,
  });
  return { deliveries: rows.map(deliveryView) };
}
