// The Data sources page's procedures (admins): webhook status and removing the demo data. Merged
// into appRouter (router.ts) by spreading.
import { getWebhookStatus } from "../services/getWebhookStatus.ts";
import { adminProcedure, router } from "./init.ts";

const NO_SETUP = { baseUrl: "", secretsSet: { github: false, gitlab: false, pagerduty: false } };

export const dataSourcesRouters = {
  webhooks: router({
    status: adminProcedure.query(({ ctx }) => getWebhookStatus({ db: ctx.db, input: ctx.webhookSetup ?? NO_SETUP, now: new Date() })),
  }),
};
