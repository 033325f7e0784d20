// Pull-request phases (docs/metrics.md, "Pull-request phases"): per pull request (repository +
// number), coding = first commit → opened, pickup = opened → first review, review = first review →
// merged (first review: the earlier of PullRequestReview's, from review webhooks, and the changes'
// prFirstReviewAt), deploy = merged → the first successful deployment (of the filtered environment, by a
// service in scope) that shipped any of its commits, cycle = first commit → that deployment. A PR
// counts in the week and window of that deployment. A missing timestamp or a negative span leaves
// that phase out of its percentiles (never zero).
//
// Cost: both statements read the rollups PullRequestSummary and PullRequestDelivery (kept by triggers
// from Change and ChangeDelivery), so they cost the PRs the window touches, not their changes.
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

/**
 * The PRs first deployed in the window, per week of that deployment and in total. Reads only the
 * trigger-kept rollup PullRequestDelivery (migration pull_request_rollup), whose rows carry the PR's
 * timestamps: org-wide, the window's rows that are their PR's first in the environment (an
 * index-only range read); in a scope, the window's rows of services in scope, less the PRs a
 * service in scope shipped before the window (one key probe each). No change of a PR is read.
 */
/** The PR of row `pr` was shipped by a service in scope to the filtered environment before `before`. */
function shippedBefore(pr: Prisma.Sql, before: Date, q: DoraQuery): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "PullRequestDelivery" e
    WHERE e.repository = ${pr}.repository AND e."prNumber" = ${pr}."prNumber" AND e."environmentId" = ${q.environmentId}::uuid
      AND e."deployedAt" < ${before}
      ${inScope(Prisma.sql`e."serviceId"`, q)}
  )`;
}

export function pullRequestPhasesSql(q: DoraQuery): Prisma.Sql {
  const firstInScope =
    q.serviceIds === null
      ? Prisma.sql`AND pd."deployedAt" = pd."firstInEnvironmentAt"`
      : Prisma.sql`${inScope(Prisma.sql`pd."serviceId"`, q)} AND NOT ${shippedBefore(Prisma.sql`pd`, q.from, q)}`;
  return Prisma.sql`
    WITH pr AS (
      -- One row per PR (two services may ship it at the same moment); its timestamps are the same on every row.
      -- The first review is the earlier of its changes' (in the rollup) and its PullRequestReview row's,
      -- read here by key rather than copied into the rollup, so a review and a change stored at the
      -- same moment cannot miss each other.
      SELECT min(pd."deployedAt") AS "deployedAt", min(pd."firstCommitAt") AS "firstCommitAt", min(pd."openedAt") AS "openedAt",
             LEAST(min(pd."reviewedAt"), (SELECT r."firstReviewAt" FROM "PullRequestReview" r
                                          WHERE r.repository = pd.repository AND r."prNumber" = pd."prNumber")) AS "reviewedAt",
             min(pd."mergedAt") AS "mergedAt"
      FROM "PullRequestDelivery" pd
      WHERE pd."environmentId" = ${q.environmentId}::uuid
        AND pd."deployedAt" >= ${q.from} AND pd."deployedAt" < ${q.to}
        ${firstInScope}
      GROUP BY pd.repository, pd."prNumber"
    ),
    spans AS (
      SELECT ${weekOf(Prisma.sql`"deployedAt"`, q)} AS week,
             ${hoursBetween(Prisma.sql`"firstCommitAt"`, Prisma.sql`"openedAt"`)} AS coding,
             ${hoursBetween(Prisma.sql`"openedAt"`, Prisma.sql`"reviewedAt"`)} AS pickup,
             ${hoursBetween(Prisma.sql`"reviewedAt"`, Prisma.sql`"mergedAt"`)} AS review,
             ${hoursBetween(Prisma.sql`"mergedAt"`, Prisma.sql`"deployedAt"`)} AS deploy,
             ${hoursBetween(Prisma.sql`"firstCommitAt"`, Prisma.sql`"deployedAt"`)} AS cycle
      FROM pr
    )
    SELECT ${weekLabel(Prisma.sql`week`)} AS week, count(*)::int AS "pullRequests",
           ${Prisma.join(PHASES.map(phase), ", ")}
    FROM spans
    GROUP BY GROUPING SETS ((week), ())`;
}

/**
 * Pull requests merged in the window that no successful deployment of the filtered environment
 * (by a service in scope) shipped, any of their commits, before the window's end. Scoped by the
 * services their changes name, since no deployment names one yet.
 */
export function undeployedPullRequestsSql(q: DoraQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT count(*)::int AS undeployed
    FROM "PullRequestSummary" p
    WHERE p."mergedAt" >= ${q.from} AND p."mergedAt" < ${q.to}
      ${q.serviceIds === null ? Prisma.empty : Prisma.sql`AND p."serviceIds" && ${q.serviceIds}::uuid[]`}
      AND NOT ${shippedBefore(Prisma.sql`p`, q.to, q)}`;
}

export async function pullRequestPhases(db: Tx, q: DoraQuery): Promise<{ rows: PullRequestRow[]; undeployed: number }> {
  const [rows, undeployed] = await Promise.all([
    db.$queryRaw<PullRequestRow[]>(pullRequestPhasesSql(q)),
    db.$queryRaw<{ undeployed: number }[]>(undeployedPullRequestsSql(q)),
  ]);
  return { rows, undeployed: undeployed[0]?.undeployed ?? 0 };
}
