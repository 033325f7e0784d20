// REST v1 for the Data sources page (api.md "Data sources"), admin scope: webhook status, and the
// demo data set's status and removal (what `keel demo remove` calls while Keel runs).
import { Router } from "express";
import type { Db } from "../../db/client.ts";
import { actorOf } from "../../services/auth/identity.ts";
import { getWebhookStatus } from "../../services/getWebhookStatus.ts";
import { getDemoStatus, removeDemo } from "../../services/removeDemo.ts";
import { requireScope } from "../auth.ts";
import { webhookSetupOf } from "../webhookSetup.ts";
import type { WebhookSecrets } from "../../ingest/webhookVendors.ts";

export function dataSourceRoutes(db: Db, options: { publicUrl?: string | undefined; secrets?: WebhookSecrets | undefined }): Router {
  const router = Router();
  router.use(["/webhooks", "/demo"], requireScope("admin"));
  router.get("/webhooks", async (req, res) => {
    res.json(await getWebhookStatus({ db, input: webhookSetupOf(req, options.publicUrl, options.secrets), now: new Date() }));
  });
  router.get("/demo", async (_req, res) => {
    res.json(await getDemoStatus({ db }));
  });
  router.delete("/demo", async (req, res) => {
    const audit = { actor: actorOf(req.identity ?? { kind: "anonymous", role: null }), ip: req.ip };
    res.json(await removeDemo({ db, now: new Date(), audit }));
  });
  return router;
}
