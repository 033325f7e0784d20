// Each webhook as the Data sources page shows it (docs/api.md "Webhook status"): the URL to paste
// into the vendor, whether its secret is set, its last delivery and the last 24 hours' deliveries
// and failures. Deliveries are the RawEvent rows the webhook endpoints store, keyed
// "<vendor>:<delivery id>" (events recorded from them are keyed by event, never by vendor). Read
// through RawEvent's (source, receivedAt) index: the cost of one vendor's last day, not history.
import type { WebhookStatusData, WebhookStatusListData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { WEBHOOK_SOURCES, type WebhookSecrets, type WebhookSource } from "../ingest/webhookVendors.ts";
import { DAY_MS } from "@keel/shared/calendar";

export interface WebhookSetup {
  /** Keel's address as the vendor reaches it: KEEL_PUBLIC_URL, else the request's own origin. */
  baseUrl: string;
  secretsSet: Record<WebhookSource, boolean>;
}

/** Which vendors' secrets are set, for every vendor of the registry (ingest/webhookVendors.ts). */
export function secretsSetOf(secrets: WebhookSecrets): WebhookSetup["secretsSet"] {
  return Object.fromEntries(WEBHOOK_SOURCES.map((source) => [source, Boolean(secrets[source])])) as WebhookSetup["secretsSet"];
}

/**
 * A delivery failed when its events could not be recorded, its payload was not understood, or some
 * of its events were invalid (processRawEvents.ts and ingest/mapResult.ts write the note). A status
 * dropped on purpose (a deployment still in progress) is not a failure.
 */
const FAILURE_MARKS = [{ startsWith: "failed:" }, { contains: "; failed:" }, { contains: "payload not understood" }, { contains: "; invalid " }] as const;
const failedNote = { OR: FAILURE_MARKS.map((note) => ({ note })) };
const isFailure = (note: string) => FAILURE_MARKS.some((m) => ("startsWith" in m ? note.startsWith(m.startsWith) : note.includes(m.contains)));

export async function getWebhookStatus({ db, input, now }: { db: Db; input: WebhookSetup; now: Date }): Promise<WebhookStatusListData> {
  const since = new Date(now.getTime() - DAY_MS);
  const webhooks: WebhookStatusData[] = [];
  for (const vendor of WEBHOOK_SOURCES) {
    const deliveries = { source: vendor, dedupeKey: { startsWith: `${vendor}:` } };
    const recent = { ...deliveries, receivedAt: { gte: since } };
    const last = await db.rawEvent.findFirst({
      where: deliveries,
      orderBy: { receivedAt: "desc" },
      select: { receivedAt: true, kind: true, processedAt: true, note: true },
    });
    const deliveriesLast24h = await db.rawEvent.count({ where: recent });
    const failuresLast24h = deliveriesLast24h ? await db.rawEvent.count({ where: { ...recent, ...failedNote } }) : 0;
    webhooks.push({
      vendor,
      url: `${input.baseUrl.replace(/\/+$/, "")}/webhooks/${vendor}`,
      secretSet: input.secretsSet[vendor],
      lastDelivery: last
        ? {
            at: last.receivedAt.toISOString(),
            kind: last.kind,
            outcome: last.processedAt === null ? "pending" : last.note && isFailure(last.note) ? "failed" : "processed",
            note: last.note,
          }
        : null,
      deliveriesLast24h,
      failuresLast24h,
    });
  }
  return { webhooks };
}
