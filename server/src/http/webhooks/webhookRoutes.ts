// The webhook endpoints under /webhooks. Each is off (404) until its secret is configured.
import { Router } from "express";
import type { Db } from "../../db/client.ts";
import type { WebhookQueue } from "../../services/webhookQueue.ts";
import { webhookVendors, type WebhookSecrets } from "../../ingest/webhookVendors.ts";
import { webhookEndpoint } from "./receiveWebhook.ts";

export interface WebhookOptions {
  secrets?: WebhookSecrets | undefined;
  /** Processes stored deliveries after the answer; without one they wait for the next start. */
  queue?: WebhookQueue | undefined;
}

export function webhookRoutes(db: Db, { secrets = {}, queue }: WebhookOptions = {}): Router {
  const router = Router();
  for (const vendor of webhookVendors) router.post(`/${vendor.source}`, ...webhookEndpoint(vendor, secrets[vendor.source], { db, queue }));
  return router;
}
