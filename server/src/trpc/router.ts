// The web app's API. Procedures are thin: validate with a shared schema, call one service.
import { MetricFilters } from "@keel/shared";
import { getDeploymentTrend } from "../services/getDeploymentTrend.ts";
import { getDoraMetrics } from "../services/getDoraMetrics.ts";
import { getOrgSettings } from "../services/getOrgSettings.ts";
import { publicProcedure, router } from "./init.ts";

export const appRouter = router({
  settings: router({
    get: publicProcedure.query(({ ctx }) => getOrgSettings({ db: ctx.db })),
  }),
  deployments: router({
    trend: publicProcedure.input(MetricFilters).query(({ ctx, input }) => getDeploymentTrend({ db: ctx.db, input })),
  }),
  dora: router({
    summary: publicProcedure.input(MetricFilters).query(({ ctx, input }) => getDoraMetrics({ db: ctx.db, input })),
  }),
});

export type AppRouter = typeof appRouter;
