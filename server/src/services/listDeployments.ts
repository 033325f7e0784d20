// The Deployments page's list (tRPC deployments.list): deployments finished in the window, any
// status, newest first, a page at a time with the total; each successful one says whether it caused
// a failure and why, by the DORA engine's rules, so the list agrees with the change failure rate.
import type { DeploymentListQueryData } from "@keel/shared";
import type { DeploymentItemData, DeploymentListData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { causesOfDeployments, deploymentCount, deploymentPage, type DeploymentRow } from "../db/queries/lists/deployments.ts";
import { iso } from "./lists/listScope.ts";
import { groupBy } from "./lists/groupBy.ts";
import { pagedList } from "./lists/pagedList.ts";

type FailureReason = DeploymentItemData["failureReasons"][number];

export function deploymentItem(row: DeploymentRow, reasons: FailureReason[]): DeploymentItemData {
  // Field by field: a detail's row carries more columns than the item shows.
  return {
    id: row.id,
    service: row.service,
    team: row.team,
    environment: row.environment,
    status: row.status,
    kind: row.kind,
    startedAt: iso(row.startedAt),
    finishedAt: row.finishedAt.toISOString(),
    commitSha: row.commitSha,
    repository: row.repository,
    rollbackOfDeploymentId: row.rollbackOfDeploymentId,
    remediatesIncidentId: row.remediatesIncidentId,
    url: row.url,
    changes: row.changes,
    changeFailure: row.status === "success" ? reasons.length > 0 : null,
    failureReasons: reasons,
  };
}

export function listDeployments({ db, input }: { db: Db; input: DeploymentListQueryData }): Promise<DeploymentListData> {
  const filters = { status: input.status, kind: input.kind, changeFailure: input.changeFailure };
  return pagedList(db, input, {
    page: (q, page) => deploymentPage(db, q, filters, page),
    count: (q) => deploymentCount(db, q, filters),
    items: async (q, rows) => {
      const successful = rows.filter((r) => r.status === "success").map((r) => r.id);
      const reasonsOf = groupBy(
        await causesOfDeployments(db, q, successful),
        (c) => c.id,
        (c): FailureReason => ({ rule: c.rule, incidentId: c.incidentId, rollbackId: c.rollbackId, revertSha: c.revertSha }),
      );
      return rows.map((r) => deploymentItem(r, reasonsOf.get(r.id) ?? []));
    },
  });
}
