// The webhooks' address and which secrets are set, as the Data sources page and
// GET /api/v1/webhooks show them. The address is KEEL_PUBLIC_URL, else the origin the request came
// to (behind a proxy on loopback, its X-Forwarded-Proto and Host: "trust proxy" in app.ts).
import type { Request } from "express";
import { secretsSetOf, type WebhookSetup } from "../services/getWebhookStatus.ts";
import type { WebhookSecrets } from "../ingest/webhookVendors.ts";

export function webhookSetupOf(req: Request, publicUrl: string | undefined, secrets: WebhookSecrets = {}): WebhookSetup {
  return {
    baseUrl: publicUrl ?? `${req.protocol}://${req.get("host") ?? "localhost"}`,
    secretsSet: secretsSetOf(secrets),
  };
}
