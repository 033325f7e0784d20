// The Deployments and Incidents pages' procedures and the catalog the filters choose from. Thin:
// validate with the shared schemas, call one service. Merged into appRouter (router.ts) by spreading.
import { DeploymentListQuery, DeploymentRecordQuery, IncidentListQuery, IncidentRecordQuery, MetricFilters } from "@keel/shared";
import { downloadCsv } from "../services/downloadCsv.ts";
import { getDeploymentDetail } from "../services/getDeploymentDetail.ts";
import { getIncidentDetail } from "../services/getIncidentDetail.ts";
import { listCatalog } from "../services/listCatalog.ts";
import { listDeployments } from "../services/listDeployments.ts";
import { listIncidents } from "../services/listIncidents.ts";
import { publicProcedure, router } from "./init.ts";

export const listsRouters = {
  catalog: router({
    list: publicProcedure.query(({ ctx }) => listCatalog({ db: ctx.db })),
  }),
  deployments: router({
    list: publicProcedure.input(DeploymentListQuery).query(({ ctx, input }) => listDeployments({ db: ctx.db, input })),
    get: publicProcedure.input(DeploymentRecordQuery).query(({ ctx, input }) => getDeploymentDetail({ db: ctx.db, input })),
    csv: publicProcedure.input(MetricFilters).query(({ ctx, input }) => downloadCsv({ db: ctx.db, input: { ...input, kind: "deployments" } })),
  }),
  incidents: router({
    list: publicProcedure.input(IncidentListQuery).query(({ ctx, input }) => listIncidents({ db: ctx.db, input })),
    get: publicProcedure.input(IncidentRecordQuery).query(({ ctx, input }) => getIncidentDetail({ db: ctx.db, input })),
    csv: publicProcedure.input(MetricFilters).query(({ ctx, input }) => downloadCsv({ db: ctx.db, input: { ...input, kind: "incidents" } })),
  }),
};
