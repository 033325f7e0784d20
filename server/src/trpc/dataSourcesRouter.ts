// The Data sources page's procedures (admins): webhook status and removing the demo data. Merged
// into appRouter (router.ts) by spreading.
import { DemoRemoval, DemoStatus, WebhookStatusList } from "@keel/shared/outputs";
import { actorOf } from "../services/auth/identity.ts";
import { getWebhookStatus, secretsSetOf } from "../services/getWebhookStatus.ts";
import { getDemoStatus, removeDemo } from "../services/removeDemo.ts";
import { adminProcedure, router } from "./init.ts";

/** Outside an HTTP request (no address, no secrets): every vendor of the registry unset. */
const NO_SETUP = { baseUrl: "", secretsSet: secretsSetOf({}) };

export const dataSourcesRouters = {
  webhooks: router({
    status: adminProcedure.output(WebhookStatusList).query(({ ctx }) => getWebhookStatus({ db: ctx.db, input: ctx.webhookSetup ?? NO_SETUP, now: new Date() })),
  }),
  demo: router({
    status: adminProcedure.output(DemoStatus).query(({ ctx }) => getDemoStatus({ db: ctx.db })),
    // Audited by the service, in its transaction, with the counts removed.
    remove: adminProcedure
      .output(DemoRemoval)
      .mutation(({ ctx }) => removeDemo({ db: ctx.db, now: new Date(), audit: { actor: actorOf(ctx.identity), ip: ctx.ip } })),
  }),
};
