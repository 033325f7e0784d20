// The Incidents page's list (tRPC incidents.list): incidents open at some moment of the window,
// newest first, a page at a time with the total; each with the successful deployments it is
// attributed to by the DORA engine's rules, and the rule that applied.
import type { IncidentListQueryData } from "@keel/shared";
import type { IncidentItemData, IncidentListData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import type { DoraQuery } from "../db/queries/dora/fragments.ts";
import { attributionsOfIncidents, incidentCount, incidentPage, type IncidentRow } from "../db/queries/lists/incidents.ts";
import type { Tx } from "../db/types.ts";
import { iso, queryAround } from "./lists/listScope.ts";
import { groupBy } from "./lists/groupBy.ts";
import { pagedList } from "./lists/pagedList.ts";

type Attribution = IncidentItemData["attributedTo"][number];

export function incidentItem(row: IncidentRow, attributions: Attribution[]): IncidentItemData {
  // Field by field: a detail's row carries more columns (serviceId) than the item shows.
  return {
    id: row.id,
    title: row.title,
    severity: row.severity,
    service: row.service,
    team: row.team,
    openedAt: row.openedAt.toISOString(),
    acknowledgedAt: iso(row.acknowledgedAt),
    resolvedAt: iso(row.resolvedAt),
    recoveryHours: row.recoveryHours,
    responders: row.responders,
    causedByDeploymentId: row.causedByDeploymentId,
    causedByCommitSha: row.causedByCommitSha,
    notCausedByChange: row.notCausedByChange,
    url: row.url,
    attributedTo: attributions,
  };
}

/**
 * Attributions of some incidents, org-wide (an incident blames deployments of its own service
 * whatever the list's filters): the engine's rules over the span of their opening times.
 */
export async function attributionsFor(
  db: Tx,
  base: Pick<DoraQuery, "timeZone" | "environmentId" | "isProduction" | "attributionHours" | "revertFailures">,
  incidents: { id: string; openedAt: Date }[],
): Promise<Map<string, Attribution[]>> {
  if (incidents.length === 0) return new Map();
  const times = incidents.map((i) => i.openedAt.getTime());
  const q = queryAround({ ...base, serviceIds: null }, new Date(Math.min(...times)), new Date(Math.max(...times)));
  const attributions = await attributionsOfIncidents(
    db,
    q,
    incidents.map((i) => i.id),
  );
  return groupBy(
    attributions,
    (a) => a.incidentId,
    (a): Attribution => ({ deploymentId: a.deploymentId, rule: a.rule, service: a.service, finishedAt: a.finishedAt.toISOString(), commitSha: a.commitSha }),
  );
}

export function listIncidents({ db, input }: { db: Db; input: IncidentListQueryData }): Promise<IncidentListData> {
  const filters = { severity: input.severity, state: input.state };
  return pagedList(db, input, {
    page: (q, page) => incidentPage(db, q, filters, page),
    count: (q) => incidentCount(db, q, filters),
    items: async (q, rows) => {
      const attributions = await attributionsFor(db, q, rows);
      return rows.map((r) => incidentItem(r, attributions.get(r.id) ?? []));
    },
  });
}
