// Each webhook as the Data sources page shows it (api.md "Webhook status": GET /api/v1/webhooks,
// tRPC webhooks.status).
import { z } from "zod";

/**
 * The webhook vendors by their source name (server/src/ingest/webhookVendors.ts has one entry each:
 * a vendor whose name is missing here does not compile there).
 */
export const WEBHOOK_VENDOR_NAMES = ["github", "gitlab", "pagerduty"] as const;

export const WebhookStatus = z.strictObject({
  vendor: z.enum(WEBHOOK_VENDOR_NAMES),
  /** The URL to paste into the vendor: KEEL_PUBLIC_URL (else the request's origin) + /webhooks/<vendor>. */
  url: z.string(),
  secretSet: z.boolean(),
  lastDelivery: z
    .strictObject({ at: z.string(), kind: z.string(), outcome: z.enum(["pending", "processed", "failed"]), note: z.string().nullable() })
    .nullable(),
  deliveriesLast24h: z.number(),
  failuresLast24h: z.number(),
});
export type WebhookStatusData = z.infer<typeof WebhookStatus>;
export const WebhookStatusList = z.strictObject({ webhooks: z.array(WebhookStatus) });
export type WebhookStatusListData = z.infer<typeof WebhookStatusList>;
