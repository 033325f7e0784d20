import type { Db } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import type { Identity } from "../services/auth/identity.ts";
import type { SecretBox } from "../services/secrets/secretBox.ts";
import type { WebhookSetup } from "../services/getWebhookStatus.ts";

export interface Context {
  db: Db;
  logger: Logger;
  /** Who is asking (http/auth.ts); procedures check its role (init.ts). */
  identity: Identity;
  ip: string;
  /** Seals and opens the secrets Keel keeps for others (connection tokens, Slack URLs). */
  secrets: SecretBox;
  /** The webhooks' address and which secrets are set (the Data sources page); none in tests that do not need it. */
  webhookSetup?: WebhookSetup;
  /** Starts due connection syncs at once ("sync now"); unset where no schedule runs. */
  syncs?: { kick(): void } | undefined;
  /** The scheduler (jobs/scheduler.ts), when this process runs one: "send now" wakes it. */
  jobs?: { kick(): void } | undefined;
}
