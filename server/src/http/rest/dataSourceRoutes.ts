// REST v1 for the Data sources page (api.md "Data sources"), admin scope: webhook status.
import { Router } from "express";
import type { Db } from "../../db/client.ts";
import { getWebhookStatus } from "../../services/getWebhookStatus.ts";
import { requireScope } from "../auth.ts";
import { webhookSetupOf } from "../webhookSetup.ts";
import type { WebhookSecrets } from "../webhooks/webhookRoutes.ts";

export function dataSourceRoutes(db: Db, options: { publicUrl?: string | undefined; secrets?: WebhookSecrets | undefined }): Router {
  const router = Router();
  router.use(["/webhooks"], requireScope("admin"));
  router.get("/webhooks", async (req, res) => {
    res.json(await getWebhookStatus({ db, input: webhookSetupOf(req, options.publicUrl, options.secrets), now: new Date() }));
  });
  return router;
}
