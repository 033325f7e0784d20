// The web app's API. Procedures are thin: validate with a shared schema, call one service.
import { MetricFilters } from "@keel/shared";
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
    summary: viewerProcedure.input(MetricFilters).query(({ ctx, input }) => getDoraMetrics({ db: ctx.db, input })),
    pullRequests: viewerProcedure.input(MetricFilters).query(({ ctx, input }) => getPullRequestMetrics({ db: ctx.db, input })),
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
