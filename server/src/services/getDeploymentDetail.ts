// One deployment for the Deployments page (tRPC deployments.get): the incidents and rollbacks that
// make it a failed change, by the DORA engine's rules and with the rule that applied; the changes
// it shipped with their lead time (counted at a change's first delivery); what it rolled back or
// remediated.
import type { DeploymentDetailData, DeploymentRefData, IncidentRefData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { causesOfDeployments, deploymentById, shippedChanges } from "../db/queries/lists/deployments.ts";
import { deploymentsByIds, incidentsByIds, type DeploymentBrief, type IncidentBrief } from "../db/queries/lists/incidents.ts";
import { KeelError } from "../errors.ts";
import { getOrgSettings } from "./getOrgSettings.ts";
import { iso, queryAround } from "./lists/listScope.ts";
import { deploymentItem } from "./listDeployments.ts";

export function deploymentRef(d: DeploymentBrief): DeploymentRefData {
  return { ...d, finishedAt: d.finishedAt.toISOString() };
}

export function incidentRef(i: IncidentBrief): IncidentRefData {
  return { ...i, openedAt: i.openedAt.toISOString(), resolvedAt: iso(i.resolvedAt) };
}

export async function getDeploymentDetail({ db, input }: { db: Db; input: { id: string } }): Promise<DeploymentDetailData> {
  const [d, settings] = await Promise.all([deploymentById(db, input.id), getOrgSettings({ db })]);
  if (!d) throw new KeelError("NOT_FOUND", `No deployment with id "${input.id}".`);

  // The engine's rules for this one deployment: its service and environment, the instant it finished.
  const q = queryAround(
    {
      timeZone: settings.timeZone,
      environmentId: d.environmentId,
      isProduction: d.environment === "production",
      serviceIds: [d.serviceId],
      attributionHours: settings.attributionWindowHours,
      revertFailures: settings.revertsAsFailures,
    },
    d.finishedAt,
    d.finishedAt,
  );
  const [causeRows, changes] = await Promise.all([d.status === "success" ? causesOfDeployments(db, q, [d.id]) : [], shippedChanges(db, d)]);
  const incidentIds = [
    ...new Set([...causeRows.flatMap((c) => (c.incidentId ? [c.incidentId] : [])), ...(d.remediatesIncidentId ? [d.remediatesIncidentId] : [])]),
  ];
  const deploymentIds = [
    ...new Set([...causeRows.flatMap((c) => (c.rollbackId ? [c.rollbackId] : [])), ...(d.rollbackOfDeploymentId ? [d.rollbackOfDeploymentId] : [])]),
  ];
  const [incidents, deployments] = await Promise.all([incidentsByIds(db, incidentIds), deploymentsByIds(db, deploymentIds)]);
  const incidentOf = new Map(incidents.map((i) => [i.id, incidentRef(i)]));
  const deploymentOf = new Map(deployments.map((x) => [x.id, deploymentRef(x)]));

  return {
    timeZone: settings.timeZone,
    attributionWindowDays: settings.attributionWindowDays,
    attributionWindowHours: settings.attributionWindowHours,
    deployment: deploymentItem(
      d,
      causeRows.map((c) => ({ rule: c.rule, incidentId: c.incidentId, rollbackId: c.rollbackId, revertSha: c.revertSha })),
    ),
    causes: causeRows.map((c) => ({
      rule: c.rule,
      incident: c.incidentId ? (incidentOf.get(c.incidentId) ?? null) : null,
      rollback: c.rollbackId ? (deploymentOf.get(c.rollbackId) ?? null) : null,
      revertSha: c.revertSha,
    })),
    changes: changes.map((c) => ({
      sha: c.sha,
      repository: c.repository,
      title: c.title,
      category: c.category,
      committedAt: c.committedAt.toISOString(),
      prNumber: c.prNumber,
      countedHere: c.firstDeploymentId === d.id,
      firstDeploymentId: c.firstDeploymentId,
      leadTimeHours: c.leadTimeHours,
    })),
    rollbackOf: d.rollbackOfDeploymentId ? (deploymentOf.get(d.rollbackOfDeploymentId) ?? null) : null,
    remediates: d.remediatesIncidentId ? (incidentOf.get(d.remediatesIncidentId) ?? null) : null,
  };
}
