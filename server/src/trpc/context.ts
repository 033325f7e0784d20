import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { Identity } from "../services/auth/identity.ts";
import type { WebhookSetup } from "../services/getWebhookStatus.ts";

export interface Context {
  db: Db;
  logger: Logger;
  /** Who is asking (http/auth.ts); procedures check its role (init.ts). */
  identity: Identity;
  ip: string;
  /** The webhooks' address and which secrets are set (the Data sources page); none in tests that do not need it. */
  webhookSetup?: WebhookSetup;
}
