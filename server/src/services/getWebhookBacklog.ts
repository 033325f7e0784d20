// Webhook deliveries stored and not yet processed, and how long the oldest has waited (GET
// /metrics). One aggregate over the pending rows, found through RawEvent's processedAt index.
import type { Db } from "../db/client.ts";
import { pendingWebhookEvents } from "./processRawEvents.ts";

export async function getWebhookBacklog({ db, now }: { db: Db; now: Date }): Promise<{ depth: number; oldestAgeSeconds: number }> {
  const pending = await db.rawEvent.aggregate({ where: pendingWebhookEvents, _count: { _all: true }, _min: { receivedAt: true } });
  const oldest = pending._min.receivedAt;
  return { depth: pending._count._all, oldestAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0 };
}
