// The web app's API. Procedures are thin: validate with a shared schema, call one service, and
// check the answer against its shared output schema (shared/src/outputs/, also the OpenAPI bodies).
import { MetricFilters } from "@keel/shared";
import { DoraMetrics, PullRequestMetrics } from "@keel/shared/outputs";
import { getDoraMetrics } from "../services/getDoraMetrics.ts";
import { getPullRequestMetrics } from "../services/getPullRequestMetrics.ts";
import { connectionsRouters } from "./connectionsRouter.ts";
import { costRouters } from "./costsRouter.ts";
import { dataSourcesRouters } from "./dataSourcesRouter.ts";
import { goalsRouters } from "./goalsRouter.ts";
import { viewerProcedure, router } from "./init.ts";
import { listsRouters } from "./listsRouter.ts";
import { settingsRouters } from "./settingsRouter.ts";
import { subscriptionsRouters } from "./subscriptionsRouter.ts";

export const appRouter = router({
  dora: router({
    summary: viewerProcedure
      .input(MetricFilters)
      .output(DoraMetrics)
      .query(({ ctx, input }) => getDoraMetrics({ db: ctx.db, input })),
    pullRequests: viewerProcedure
      .input(MetricFilters)
      .output(PullRequestMetrics)
      .query(({ ctx, input }) => getPullRequestMetrics({ db: ctx.db, input })),
  }),
  ...costRouters,
  ...goalsRouters,
  ...listsRouters,
  ...settingsRouters,
  ...dataSourcesRouters,
  ...connectionsRouters,
  ...subscriptionsRouters,
});

export type AppRouter = typeof appRouter;
