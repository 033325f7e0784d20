// The Deployments and Incidents pages' procedures and the catalog the filters choose from. Thin:
// validate with the shared schemas, call one service. Merged into appRouter (router.ts) by spreading.
import { DeploymentListQuery, DeploymentRecordQuery, IncidentListQuery, IncidentRecordQuery } from "@keel/shared";
import { getDeploymentDetail } from "../services/getDeploymentDetail.ts";
import { getIncidentDetail } from "../services/getIncidentDetail.ts";
import { listCatalog } from "../services/listCatalog.ts";
import { listDeployments } from "../services/listDeployments.ts";
import { listIncidents } from "../services/listIncidents.ts";
import { viewerProcedure, router } from "./init.ts";

export const listsRouters = {
  catalog: router({
    list: viewerProcedure.query(({ ctx }) => listCatalog({ db: ctx.db })),
  }),
  deployments: router({
    list: viewerProcedure.input(DeploymentListQuery).query(({ ctx, input }) => listDeployments({ db: ctx.db, input })),
    get: viewerProcedure.input(DeploymentRecordQuery).query(({ ctx, input }) => getDeploymentDetail({ db: ctx.db, input })),
  }),
  incidents: router({
    list: viewerProcedure.input(IncidentListQuery).query(({ ctx, input }) => listIncidents({ db: ctx.db, input })),
    get: viewerProcedure.input(IncidentRecordQuery).query(({ ctx, input }) => getIncidentDetail({ db: ctx.db, input })),
  }),
};
