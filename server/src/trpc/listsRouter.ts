// The Deployments and Incidents pages' procedures and the catalog the filters choose from. Thin:
// validate with the shared schemas, call one service, check the answer with its output schema
// (shared/src/outputs/lists.ts). Merged into appRouter (router.ts) by spreading.
import { DeploymentListQuery, DeploymentRecordQuery, IncidentListQuery, IncidentRecordQuery } from "@keel/shared";
import { Catalog, DeploymentDetail, DeploymentList, IncidentDetail, IncidentList } from "@keel/shared/outputs";
import { getDeploymentDetail } from "../services/getDeploymentDetail.ts";
import { getIncidentDetail } from "../services/getIncidentDetail.ts";
import { listCatalog } from "../services/listCatalog.ts";
import { listDeployments } from "../services/listDeployments.ts";
import { listIncidents } from "../services/listIncidents.ts";
import { viewerProcedure, router } from "./init.ts";

export const listsRouters = {
  catalog: router({
    list: viewerProcedure.output(Catalog).query(({ ctx }) => listCatalog({ db: ctx.db })),
  }),
  deployments: router({
    list: viewerProcedure
      .input(DeploymentListQuery)
      .output(DeploymentList)
      .query(({ ctx, input }) => listDeployments({ db: ctx.db, input })),
    get: viewerProcedure
      .input(DeploymentRecordQuery)
      .output(DeploymentDetail)
      .query(({ ctx, input }) => getDeploymentDetail({ db: ctx.db, input })),
  }),
  incidents: router({
    list: viewerProcedure
      .input(IncidentListQuery)
      .output(IncidentList)
      .query(({ ctx, input }) => listIncidents({ db: ctx.db, input })),
    get: viewerProcedure
      .input(IncidentRecordQuery)
      .output(IncidentDetail)
      .query(({ ctx, input }) => getIncidentDetail({ db: ctx.db, input })),
  }),
};
