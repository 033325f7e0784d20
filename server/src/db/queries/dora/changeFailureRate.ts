// Change failure rate (product.md, metric 3): which successful deployments caused a failure.
// A deployment did when
//   (a) an incident not marked notCausedByChange names it as cause (causedByDeploymentId), or names
//       a commit it shipped (causedByCommitSha) and it was the first successful deployment to the
//       environment, of the incident's service (any service when the incident has none), to ship
//       that commit, the deployment that brought the commit into the environment;
//   (b) a later deployment is a rollback of it: one naming it in rollbackOfDeploymentId, or a
//       rollback naming no deployment that is the next successful deployment of its service and
//       environment (the rollback replaced it);
//   (c) an incident of its service with no explicit cause and not notCausedByChange opened after
//       it finished, at most `attributionHours` after, and before the next successful deployment
//       of the same service and environment finished.
//   (d) with the organisation's revertsAsFailures on, a merged change reverts a commit it was the
//       first successful deployment (of its service and the environment) to ship.
// A deployment counts once however many of these hold. Only successful deployments to the
// filtered environment are candidates, and only they bound the window in (c).
import { Prisma } from "../../../generated/prisma/client.ts";
import { attributionEnd, inScope, successfulIn, type DoraQuery } from "./fragments.ts";

/**
 * The first successful deployment of the environment, per service, that shipped commit `sha` (as
 * the deployment's own commit or among its changes): columns id, "finishedAt". `where` narrows the
 * services (Prisma.empty for all).
 */
function firstShipping(sha: Prisma.Sql, q: DoraQuery, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
      SELECT DISTINCT ON (s."serviceId") s.id, s."finishedAt"
      FROM (
        SELECT d.id, d."serviceId", d."finishedAt" FROM "Deployment" d
        WHERE d."commitSha" = ${sha} AND ${successfulIn(Prisma.sql`d`, q)}
        UNION ALL
        -- ChangeDelivery already holds each change's first successful deployment per service and
        -- environment (ordered by finishedAt, then id, as here).
        SELECT cd."deploymentId", cd."serviceId", cd."finishedAt"
        FROM "Change" c
        JOIN "ChangeDelivery" cd ON cd."changeId" = c.id AND cd."environmentId" = ${q.environmentId}::uuid
        WHERE c.sha = ${sha}
      ) s
      ${where}
      ORDER BY s."serviceId", s."finishedAt", s.id
    )`;
}

/** Rule (a) by deployment applies: the incident names a deployment and is not marked notCausedByChange. */
function namesDeployment(i: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${i}."causedByDeploymentId" IS NOT NULL AND NOT ${i}."notCausedByChange"`;
}

/** Rule (a) by commit applies: the incident names a commit and no deployment (the deployment wins). */
function namesCommit(i: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${i}."causedByCommitSha" IS NOT NULL AND ${i}."causedByDeploymentId" IS NULL AND NOT ${i}."notCausedByChange"`;
}

/** Rule (c) applies: an incident of a service with no explicit cause, not marked notCausedByChange. */
function hasNoExplicitCause(i: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`${i}."serviceId" IS NOT NULL AND ${i}."causedByDeploymentId" IS NULL AND ${i}."causedByCommitSha" IS NULL AND NOT ${i}."notCausedByChange"`;
}

/** Incident `i`'s commit rule candidates: the first deployments, per service, that shipped its commit (its own service's only, if it has one). */
function commitShippedBy(i: Prisma.Sql, q: DoraQuery): Prisma.Sql {
  return firstShipping(Prisma.sql`${i}."causedByCommitSha"`, q, Prisma.sql`WHERE ${i}."serviceId" IS NULL OR s."serviceId" = ${i}."serviceId"`);
}

/**
 * Rule (c)'s candidate for incident `i`: the latest successful deployment of its service and the
 * environment finished at or before it opened (ties at one instant go to the larger id): columns
 * id, "finishedAt".
 */
function lastDeploymentBefore(i: Prisma.Sql, q: DoraQuery): Prisma.Sql {
  return Prisma.sql`(
      SELECT d.id, d."finishedAt" FROM "Deployment" d
      WHERE d."serviceId" = ${i}."serviceId" AND ${successfulIn(Prisma.sql`d`, q)} AND d."finishedAt" <= ${i}."openedAt"
      ORDER BY d."finishedAt" DESC, d.id DESC LIMIT 1
    )`;
}

/**
 * Rule (c) holds between incident `i` and that candidate `last`: it finished strictly before the
 * incident opened (one finishing at that very instant is the next deployment, and the incident
 * opened before it finished) and at most the attribution window before.
 */
function withinAttributionWindow(i: Prisma.Sql, last: Prisma.Sql, q: DoraQuery): Prisma.Sql {
  return Prisma.sql`${last}."finishedAt" < ${i}."openedAt" AND ${i}."openedAt" <= ${last}."finishedAt" + ${q.attributionHours}::float8 * interval '1 hour'`;
}

/** Deployments (any window) that an incident's causedByCommitSha makes failed: rule (a), by commit. */
function causedByCommit(q: DoraQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT first.id, 'commit' AS rule, i.id AS "incidentId", NULL::text AS "rollbackId", NULL::text AS "revertSha"
    FROM "Incident" i
    CROSS JOIN LATERAL ${commitShippedBy(Prisma.sql`i`, q)} first
    WHERE ${namesCommit(Prisma.sql`i`)}
      -- An incident of a service out of scope can only blame that service's deployments.
      ${q.serviceIds === null ? Prisma.empty : Prisma.sql`AND (i."serviceId" IS NULL OR i."serviceId" = ANY(${q.serviceIds}::uuid[]))`}`;
}

/**
 * (d) Reverts, when the organisation counts them (revertsAsFailures): a merged change reverting a
 * commit makes failed the first successful deployment, per service, that shipped that commit, if
 * it finished before the revert was merged. Merged: it has prMergedAt, or (a commit with no pull
 * request) some deployment shipped it; merged at prMergedAt, else committedAt. From the few reverts
 * merged since the previous period began.
 */
function reverted(q: DoraQuery): Prisma.Sql {
  if (!q.revertFailures) return Prisma.empty;
  const mergedAt = Prisma.sql`COALESCE(r."prMergedAt", r."committedAt")`;
  return Prisma.sql`
    UNION ALL
    SELECT first.id, 'revert' AS rule, NULL::text AS "incidentId", NULL::text AS "rollbackId", r.sha AS "revertSha"
    FROM "Change" r
    CROSS JOIN LATERAL ${firstShipping(Prisma.sql`r."revertsSha"`, q, Prisma.empty)} first
    WHERE r."revertsSha" IS NOT NULL AND ${mergedAt} > ${q.previousFrom} AND first."finishedAt" < ${mergedAt}
      AND (r."prMergedAt" IS NOT NULL OR EXISTS (SELECT 1 FROM "ChangeDelivery" rd WHERE rd."changeId" = r.id))`;
}

/**
 * (b) Deployments named by a later rollback. Org-wide, from the (few) rollbacks since the previous
 * period began; for a team or service, from the window's deployments (`w`), which are fewer.
 */
function rolledBack(q: DoraQuery): Prisma.Sql {
  if (q.serviceIds === null) {
    return Prisma.sql`
      SELECT r."rollbackOfDeploymentId" AS id, 'rollback' AS rule, NULL::text AS "incidentId", r.id AS "rollbackId", NULL::text AS "revertSha" FROM "Deployment" r
      JOIN "Deployment" t ON t.id = r."rollbackOfDeploymentId"
      WHERE r."rollbackOfDeploymentId" IS NOT NULL AND r."finishedAt" > ${q.previousFrom} AND r."finishedAt" > t."finishedAt"`;
  }
  return Prisma.sql`
    SELECT w.id, 'rollback' AS rule, NULL::text AS "incidentId", r.id AS "rollbackId", NULL::text AS "revertSha" FROM w
    JOIN "Deployment" r ON r."rollbackOfDeploymentId" = w.id AND r."finishedAt" > w."finishedAt"`;
}

/** Which rule made a deployment failed (docs/metrics.md, change failure rate). */
export type FailureRule = "incident" | "commit" | "rollback" | "timeWindow" | "revert";

/** One reason a deployment caused a failure; a deployment may have several. */
export interface FailureCauseRow {
  /** The failed deployment. */
  id: string;
  /** incident: an incident names it; commit: an incident names a commit it first delivered; rollback: a later deployment rolled it back; revert: a merged change reverted a commit it shipped; timeWindow: an incident with no explicit cause opened within the attribution window after it. */
  rule: FailureRule;
  /** The incident, for the incident, commit and timeWindow rules. */
  incidentId: string | null;
  /** The rollback deployment, for the rollback rule. */
  rollbackId: string | null;
  /** The reverting change's sha, for the revert rule. */
  revertSha: string | null;
}

/**
 * Why deployments caused a failure: one row per (deployment, rule, incident or rollback), one
 * SELECT per rule, each starting from the few rows that can make a deployment failed (incidents,
 * rollbacks) and finding the deployment by index. Columns: id, rule, "incidentId", "rollbackId"
 * (FailureCauseRow). Deployments outside the window or the scope may appear; the caller
 * intersects. Expects the window's deployments as `w` (fragments.ts windowDeployments). The
 * Deployments and Incidents pages show these rows; the metrics count their distinct ids.
 */
export function failureCauses(q: DoraQuery): Prisma.Sql {
  return Prisma.sql`
    -- (a) incidents naming the deployment
    SELECT i."causedByDeploymentId" AS id, 'incident' AS rule, i.id AS "incidentId", NULL::text AS "rollbackId", NULL::text AS "revertSha" FROM "Incident" i
    WHERE ${namesDeployment(Prisma.sql`i`)}
    UNION ALL
    -- (a) incidents naming a commit
    ${causedByCommit(q)}
    UNION ALL
    -- (b) later deployments naming it as rolled back
    ${rolledBack(q)}
    UNION ALL
    -- (b) rollbacks naming nothing: they roll back the successful deployment they replaced. Such a
    -- rollback finishes in the scanned range, or is a service's first successful deployment after it.
    SELECT prev.id, 'rollback' AS rule, NULL::text AS "incidentId", r.id AS "rollbackId", NULL::text AS "revertSha"
    FROM (
      SELECT r.id, r."serviceId", r."finishedAt" FROM "Deployment" r
      WHERE ${successfulIn(Prisma.sql`r`, q)} AND r.kind = 'rollback' AND r."rollbackOfDeploymentId" IS NULL
        AND r."finishedAt" > ${q.previousFrom} AND r."finishedAt" < ${q.to} ${inScope(Prisma.sql`r."serviceId"`, q)}
      UNION ALL
      SELECT after.id, after."serviceId", after."finishedAt"
      FROM "Service" s
      CROSS JOIN LATERAL (
        SELECT n.id, n."serviceId", n."finishedAt", n.kind, n."rollbackOfDeploymentId" FROM "Deployment" n
        WHERE n."serviceId" = s.id AND ${successfulIn(Prisma.sql`n`, q)} AND n."finishedAt" >= ${q.to}
        ORDER BY n."finishedAt", n.id LIMIT 1
      ) after
      WHERE after.kind = 'rollback' AND after."rollbackOfDeploymentId" IS NULL ${inScope(Prisma.sql`s.id`, q)}
    ) r
    CROSS JOIN LATERAL (
      SELECT p.id FROM "Deployment" p
      WHERE p."serviceId" = r."serviceId" AND ${successfulIn(Prisma.sql`p`, q)} AND (p."finishedAt", p.id) < (r."finishedAt", r.id)
      ORDER BY p."finishedAt" DESC, p.id DESC LIMIT 1
    ) prev
    UNION ALL
    -- (c) incidents with no explicit cause: the latest successful deployment of the service and
    -- environment before the incident opened, within the attribution window.
    SELECT last.id, 'timeWindow' AS rule, i.id AS "incidentId", NULL::text AS "rollbackId", NULL::text AS "revertSha"
    FROM "Incident" i
    CROSS JOIN LATERAL ${lastDeploymentBefore(Prisma.sql`i`, q)} last
    WHERE ${hasNoExplicitCause(Prisma.sql`i`)}
      AND i."openedAt" > ${q.previousFrom} AND i."openedAt" < ${attributionEnd(q)} ${inScope(Prisma.sql`i."serviceId"`, q)}
      AND ${withinAttributionWindow(Prisma.sql`i`, Prisma.sql`last`, q)}
    -- (d) reverts, when counted
    ${reverted(q)}`;
}

/**
 * The ids of deployments that caused a failure (failureCauses without the reasons): what the
 * metrics count. Expects the window's deployments as `w`.
 */
export function failedDeploymentIds(q: DoraQuery): Prisma.Sql {
  return Prisma.sql`SELECT causes.id FROM (${failureCauses(q)}) causes`;
}

/**
 * True when incident `i` is attributed, by the rules above, to a successful deployment of the
 * filtered environment: which incidents a non-production environment's recovery time counts. The
 * same rule fragments as failureCauses, asked of one incident.
 */
export function attributedToEnvironment(i: Prisma.Sql, q: DoraQuery): Prisma.Sql {
  return Prisma.sql`(CASE
    WHEN ${namesDeployment(i)} THEN EXISTS (
      SELECT 1 FROM "Deployment" d WHERE d.id = ${i}."causedByDeploymentId" AND ${successfulIn(Prisma.sql`d`, q)})
    WHEN ${namesCommit(i)} THEN EXISTS (SELECT 1 FROM ${commitShippedBy(i, q)} first)
    WHEN ${hasNoExplicitCause(i)} THEN EXISTS (
      SELECT 1 FROM ${lastDeploymentBefore(i, q)} last WHERE ${withinAttributionWindow(i, Prisma.sql`last`, q)})
    ELSE false
  END)`;
}
