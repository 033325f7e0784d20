// The facts that decide a flaky test's state as of an instant (product.md "Flaky tests"):
//   fixed  — it was flaky, then ran at least 20 times over at least 14 days with no flaky failure;
//            its fix date is its last flaky failure;
//   broken — its latest run failed on a sha where it failed on every attempt (at least two failed
//            executions, no pass): it is failing for real now, whatever its past;
//   flaky  — otherwise.
// Runs count non-skipped executions; time is the attempt's finishedAt. The rule itself is pure
// (metrics/flakyTests.ts); this reads, for every test with a flaky failure in scope before `asOf`,
// its first and last flaky failure, the runs since the last one, and its latest sha's outcomes.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { inScope } from "../dora/fragments.ts";
import type { CostQuery } from "./scope.ts";

export interface FlakyTestStateRow {
  testCaseId: number;
  serviceSlug: string | null;
  repository: string | null;
  suite: string;
  name: string;
  variant: string;
  /** TestCase.fixEffortHours: null means the cost model's default. */
  fixEffortHours: number | null;
  teamId: string | null;
  firstFlakyAt: Date;
  lastFlakyAt: Date;
  /** Flaky failures before asOf, all time. */
  flakyFailuresEver: number;
  runsSinceLastFlaky: number;
  lastRunAt: Date | null;
  /** On the sha of the latest run (outside outages): failed executions and passes. */
  latestShaFailed: number;
  latestShaPassed: number;
}

export function flakyTestStates(db: Tx, q: CostQuery, asOf: Date): Promise<FlakyTestStateRow[]> {
  return db.$queryRaw<FlakyTestStateRow[]>(flakyTestStatesSql(q, asOf));
}

/**
 * Runs since the last flaky failure, and the latest sha's outcomes, of test `c` as of `asOf`, from
 * its executions, by time (TestResult.finishedAt, the build's: the (testCaseId, finishedAt, status)
 * index), for the tests the rollup cannot answer for.
 */
function factsFromExecutions(asOf: Date): Prisma.Sql {
  return Prisma.sql`
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS runs, max(r."finishedAt") AS "lastRunAt"
      FROM "TestResult" r
      WHERE NOT base.rollup AND r."testCaseId" = c.id AND r.status <> 'skipped' AND r."finishedAt" > base."lastFlakyAt" AND r."finishedAt" < ${asOf}
    ) since ON true
    LEFT JOIN LATERAL (
      SELECT r."commitSha" FROM "TestResult" r JOIN "Build" b ON b.id = r."buildId"
      WHERE NOT base.rollup AND r."testCaseId" = c.id AND r.status <> 'skipped' AND r."finishedAt" < ${asOf}
        -- outside infrastructure outages
        AND NOT b.outage
      ORDER BY r."finishedAt" DESC, r.id DESC
      LIMIT 1
    ) last ON true
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE r.status IN ('failed', 'error'))::int AS failed, count(*) FILTER (WHERE r.status = 'passed')::int AS passed
      FROM "TestResult" r JOIN "Build" b ON b.id = r."buildId"
      WHERE NOT base.rollup AND r."testCaseId" = c.id AND r."commitSha" = last."commitSha" AND r."finishedAt" < ${asOf}
        AND NOT b.outage
    ) latest ON true`;
}

// The flaky failures come with their build's time and service (FlakyFailure.finishedAt, serviceId):
// no Build lookup. The rest is the test's FlakyTestState row when it answers for asOf (not stale,
// every execution before asOf, the same last flaky failure: then "since" and "latest" below asOf
// are the row's, over all time); otherwise, for that test only, computed from its executions.
export function flakyTestStatesSql(q: CostQuery, asOf: Date): Prisma.Sql {
  return Prisma.sql`
    WITH flaky AS (
      SELECT f."testCaseId", min(f."finishedAt") AS "firstFlakyAt", max(f."finishedAt") AS "lastFlakyAt", count(*)::int AS "flakyFailuresEver"
      FROM "FlakyFailure" f
      WHERE f."finishedAt" < ${asOf} ${inScope(Prisma.sql`f."serviceId"`, q)}
      GROUP BY f."testCaseId"
    ),
    base AS (
      SELECT flaky.*, st."runsSinceLastFlaky", st."lastRunAt", st."latestShaFailed", st."latestShaPassed",
             coalesce(NOT st.stale AND st."lastExecutionAt" < ${asOf} AND st."lastFlakyAt" = flaky."lastFlakyAt", false) AS rollup
      FROM flaky LEFT JOIN "FlakyTestState" st ON st."testCaseId" = flaky."testCaseId"
    )
    SELECT c.id AS "testCaseId", s.slug AS "serviceSlug", c.repository, c.suite, c.name, c.variant, c."fixEffortHours",
           s."teamId"::text AS "teamId", base."firstFlakyAt", base."lastFlakyAt", base."flakyFailuresEver",
           CASE WHEN base.rollup THEN base."runsSinceLastFlaky" ELSE since.runs END AS "runsSinceLastFlaky",
           CASE WHEN base.rollup THEN base."lastRunAt" ELSE since."lastRunAt" END AS "lastRunAt",
           CASE WHEN base.rollup THEN base."latestShaFailed" ELSE coalesce(latest.failed, 0) END AS "latestShaFailed",
           CASE WHEN base.rollup THEN base."latestShaPassed" ELSE coalesce(latest.passed, 0) END AS "latestShaPassed"
    FROM base
    JOIN "TestCase" c ON c.id = base."testCaseId"
    LEFT JOIN "Service" s ON s.id = c."serviceId"
    ${factsFromExecutions(asOf)}
    ORDER BY c.id`;
}
