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
import { reading } from "./reading.ts";

export const listsRouters = {
  catalog: router({
    list: viewerProcedure.output(Catalog).query(({ ctx }) => listCatalog({ db: ctx.db })),
  }),
  deployments: router({
    list: reading(DeploymentListQuery, DeploymentList, listDeployments),
    get: reading(DeploymentRecordQuery, DeploymentDetail, getDeploymentDetail),
  }),
  incidents: router({
    list: reading(IncidentListQuery, IncidentList, listIncidents),
    get: reading(IncidentRecordQuery, IncidentDetail, getIncidentDetail),
  }),
};
