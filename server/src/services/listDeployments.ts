// The Deployments page's list (tRPC deployments.list): deployments finished in the window, any
// status, newest first, a page at a time with the total; each successful one says whether it caused
// a failure and why, by the DORA engine's rules, so the list agrees with the change failure rate.
import type { DeploymentListQueryData } from "@keel/shared";
import type { Db } from "../db/client.ts";
import type { FailureRule } from "../db/queries/dora/changeFailureRate.ts";
import { causesOfDeployments, deploymentCount, deploymentPage, type DeploymentRow } from "../db/queries/lists/deployments.ts";
import { iso, type ListPage } from "./lists/listScope.ts";
import { pagedList } from "./lists/pagedList.ts";

export interface FailureReason {
  rule: FailureRule;
  /** The incident, for the incident, commit and timeWindow rules. */
  incidentId: string | null;
  /** The rollback deployment, for the rollback rule. */
  rollbackId: string | null;
  /** The reverting change's sha, for the revert rule. */
  revertSha: string | null;
}

export type DeploymentItem = Omit<DeploymentRow, "startedAt" | "finishedAt"> & {
  startedAt: string | null;
  finishedAt: string;
  /** Successful deployments: whether it caused a failure. Others count nowhere: null. */
  changeFailure: boolean | null;
  /** Why it counts as a failure (empty when it does not). */
  failureReasons: FailureReason[];
};

export type DeploymentList = ListPage<DeploymentItem>;

export function deploymentItem(row: DeploymentRow, reasons: FailureReason[]): DeploymentItem {
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

export function listDeployments({ db, input }: { db: Db; input: DeploymentListQueryData }): Promise<DeploymentList> {
  const filters = { status: input.status, kind: input.kind, changeFailure: input.changeFailure };
  return pagedList(db, input, {
    page: (q, page) => deploymentPage(db, q, filters, page),
    count: (q) => deploymentCount(db, q, filters),
    items: async (q, rows) => {
      const successful = rows.filter((r) => r.status === "success").map((r) => r.id);
      const reasonsOf = new Map<string, FailureReason[]>();
      for (const c of await causesOfDeployments(db, q, successful)) {
        const list = reasonsOf.get(c.id) ?? [];
        list.push({ rule: c.rule, incidentId: c.incidentId, rollbackId: c.rollbackId, revertSha: c.revertSha });
        reasonsOf.set(c.id, list);
      }
      return rows.map((r) => deploymentItem(r, reasonsOf.get(r.id) ?? []));
    },
  });
}
