// Pull-request phases (docs/metrics.md, "Pull-request phases"): per pull request (repository +
// number), coding = first commit → opened, pickup = opened → first review, review = first review →
// merged (first review: the earlier of PullRequestReview's, from review webhooks, and the changes'
// prFirstReviewAt), deploy = merged → the first successful deployment (of the filtered environment, by a
// service in scope) that shipped any of its commits, cycle = first commit → that deployment. A PR
// counts in the week and window of that deployment. A missing timestamp or a negative span leaves
// that phase out of its percentiles (never zero).
//
// Cost: the window's first deliveries come from ChangeDelivery by (environmentId, finishedAt); only
// the PRs they touch are read further, by Change(repository, prNumber). Merged PRs not yet deployed
// are found by Change(prMergedAt) over the window.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { hoursBetween, inScope, weekLabel, weekOf, type DoraQuery } from "./fragments.ts";

import { PR_PHASES as PHASES, type PrPhase as Phase, type PullRequestRowInput as PullRequestRow } from "../../../metrics/pullRequestReport.ts";

/** A phase's percentiles over the PRs that have it (both ends known, not negative). */
function phase(name: Phase): Prisma.Sql {
  const col = Prisma.raw(`"${name}"`);
  return Prisma.sql`json_build_object(
      'count', count(*) FILTER (WHERE ${col} >= 0),
      'p', percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${col}) FILTER (WHERE ${col} >= 0)) AS ${col}`;
}

/** The PRs first deployed in the window, per week of that deployment and in total. */
export function pullRequestPhasesSql(q: DoraQuery): Prisma.Sql {
  return Prisma.sql`
    WITH touched AS (
      SELECT DISTINCT c.repository, c."prNumber"
      FROM "ChangeDelivery" cd
      JOIN "Change" c ON c.id = cd."changeId"
      WHERE cd."environmentId" = ${q.environmentId}::uuid
        AND cd."finishedAt" >= ${q.from} AND cd."finishedAt" < ${q.to}
        ${inScope(Prisma.sql`cd."serviceId"`, q)}
        AND c."prNumber" IS NOT NULL
    ),
    pr AS (
      SELECT min(c."committedAt") AS "firstCommitAt", min(c."prOpenedAt") AS "openedAt",
             -- The first review by the PR, from review webhooks, or sent on its change events.
             LEAST(min(c."prFirstReviewAt"), (SELECT r."firstReviewAt" FROM "PullRequestReview" r
                                              WHERE r.repository = c.repository AND r."prNumber" = c."prNumber")) AS "reviewedAt",
             min(c."prMergedAt") AS "mergedAt",
             min(cd."finishedAt") AS "deployedAt"
      FROM touched t
      JOIN "Change" c ON c.repository = t.repository AND c."prNumber" = t."prNumber"
      LEFT JOIN "ChangeDelivery" cd ON cd."changeId" = c.id AND cd."environmentId" = ${q.environmentId}::uuid
        ${inScope(Prisma.sql`cd."serviceId"`, q)}
      GROUP BY c.repository, c."prNumber"
    ),
    spans AS (
      SELECT ${weekOf(Prisma.sql`"deployedAt"`, q)} AS week,
             ${hoursBetween(Prisma.sql`"firstCommitAt"`, Prisma.sql`"openedAt"`)} AS coding,
             ${hoursBetween(Prisma.sql`"openedAt"`, Prisma.sql`"reviewedAt"`)} AS pickup,
             ${hoursBetween(Prisma.sql`"reviewedAt"`, Prisma.sql`"mergedAt"`)} AS review,
             ${hoursBetween(Prisma.sql`"mergedAt"`, Prisma.sql`"deployedAt"`)} AS deploy,
             ${hoursBetween(Prisma.sql`"firstCommitAt"`, Prisma.sql`"deployedAt"`)} AS cycle
      FROM pr
      -- First deployed in the window: a PR with a commit shipped earlier belongs to that earlier window.
      WHERE "deployedAt" >= ${q.from} AND "deployedAt" < ${q.to}
    )
    SELECT ${weekLabel(Prisma.sql`week`)} AS week, count(*)::int AS "pullRequests",
           ${Prisma.join(PHASES.map(phase), ", ")}
    FROM spans
    GROUP BY GROUPING SETS ((week), ())`;
}

/**
 * Pull requests merged in the window that no successful deployment of the filtered environment
 * shipped (any of their commits) before the window's end. Scoped by the service their changes
 * name, since no deployment names one yet.
 */
export function undeployedPullRequestsSql(q: DoraQuery): Prisma.Sql {
  return Prisma.sql`
    WITH merged AS (
      SELECT DISTINCT c.repository, c."prNumber"
      FROM "Change" c
      WHERE c."prMergedAt" >= ${q.from} AND c."prMergedAt" < ${q.to} AND c."prNumber" IS NOT NULL
        ${inScope(Prisma.sql`c."serviceId"`, q)}
    )
    SELECT count(*)::int AS undeployed
    FROM merged m
    WHERE NOT EXISTS (
      SELECT 1
      FROM "Change" c
      JOIN "ChangeDelivery" cd ON cd."changeId" = c.id
      WHERE c.repository = m.repository AND c."prNumber" = m."prNumber"
        AND cd."environmentId" = ${q.environmentId}::uuid AND cd."finishedAt" < ${q.to}
        ${inScope(Prisma.sql`cd."serviceId"`, q)}
    )`;
}

export async function pullRequestPhases(db: Tx, q: DoraQuery): Promise<{ rows: PullRequestRow[]; undeployed: number }> {
  const [rows, undeployed] = await Promise.all([
    db.$queryRaw<PullRequestRow[]>(pullRequestPhasesSql(q)),
    db.$queryRaw<{ undeployed: number }[]>(undeployedPullRequestsSql(q)),
  ]);
  return { rows, undeployed: undeployed[0]?.undeployed ?? 0 };
}
