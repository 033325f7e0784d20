// Deletes a subscription and its delivery log (DELETE /api/v1/subscriptions/{id}).
import type { Tx } from "../../db/types.ts";
import { KeelError } from "../../errors.ts";

export async function deleteSubscription({ db, input }: { db: Tx; input: { id: string } }): Promise<{ id: string; deleted: true }> {
  const { count } = await db.subscription.deleteMany({ where: { id: input.id } });
  if (count === 0) throw new KeelError("NOT_FOUND", `No subscription has the id ${input.id}.`);
  return { id: input.id, deleted: true };
}
