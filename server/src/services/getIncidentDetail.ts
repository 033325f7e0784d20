// One incident for the Incidents page (tRPC incidents.get): the successful deployments it is
// attributed to by the DORA engine's rules (and which rule), the deployments that remediated it,
// and what its own explicit cause names, so a reader can see why it counts or does not.
import type { IncidentRecordQueryData } from "@keel/shared";
import type { IncidentDetailData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { deploymentsByIds, incidentById, remediationsOf } from "../db/queries/lists/incidents.ts";
import { KeelError } from "../errors.ts";
import { deploymentRef } from "./getDeploymentDetail.ts";
import { getOrgSettings } from "./getOrgSettings.ts";
import { attributionsFor, incidentItem } from "./listIncidents.ts";

export async function getIncidentDetail({ db, input }: { db: Db; input: IncidentRecordQueryData }): Promise<IncidentDetailData> {
  const [row, settings, environment] = await Promise.all([
    incidentById(db, input.id),
    getOrgSettings({ db }),
    db.environment.findUnique({ where: { name: input.environment }, select: { id: true } }),
  ]);
  if (!row) throw new KeelError("NOT_FOUND", `No incident with id "${input.id}".`);
  const base = {
    timeZone: settings.timeZone,
    environmentId: environment?.id ?? null,
    isProduction: input.environment === "production",
    attributionHours: settings.attributionWindowHours,
    revertFailures: settings.revertsAsFailures,
  };
  const [attributions, remediations, named] = await Promise.all([
    attributionsFor(db, base, [row]),
    remediationsOf(db, row.id),
    row.causedByDeploymentId ? deploymentsByIds(db, [row.causedByDeploymentId]) : [],
  ]);
  return {
    timeZone: settings.timeZone,
    environment: input.environment,
    attributionWindowDays: settings.attributionWindowDays,
    attributionWindowHours: settings.attributionWindowHours,
    incident: incidentItem(row, attributions.get(row.id) ?? []),
    namedDeployment: named[0] ? deploymentRef(named[0]) : null,
    remediatedBy: remediations.map(deploymentRef),
  };
}
