// The webhook endpoints under /webhooks. Each is off (404) until its secret is configured.
import { Router } from "express";
import type { Db } from "../../db/client.ts";
import type { WebhookQueue } from "../../services/webhookQueue.ts";
import { githubReceiver } from "./github.ts";
import { gitlabReceiver } from "./gitlab.ts";
import { pagerdutyReceiver } from "./pagerduty.ts";
import { webhookEndpoint } from "./receiveWebhook.ts";

export interface WebhookSecrets {
  github?: string | undefined;
  gitlab?: string | undefined;
  pagerduty?: string | undefined;
}

export interface WebhookOptions {
  secrets?: WebhookSecrets | undefined;
  /** Processes stored deliveries after the answer; without one they wait for the next start. */
  queue?: WebhookQueue | undefined;
}

export function webhookRoutes(db: Db, { secrets = {}, queue }: WebhookOptions = {}): Router {
  const router = Router();
  router.post("/github", ...webhookEndpoint(githubReceiver, secrets.github, { db, queue }));
  router.post("/gitlab", ...webhookEndpoint(gitlabReceiver, secrets.gitlab, { db, queue }));
  router.post("/pagerduty", ...webhookEndpoint(pagerdutyReceiver, secrets.pagerduty, { db, queue }));
  return router;
}
