// The facts that decide a flaky test's state as of an instant (product.md "Flaky tests"):
//   fixed  — it was flaky, then ran at least 20 times over at least 14 days with no flaky failure;
//            its fix date is its last flaky failure;
//   broken — its latest run failed on a sha where it failed on every attempt (at least two failed
//            executions, no pass): it is failing for real now, whatever its past;
//   flaky  — otherwise.
// Runs count non-skipped executions; time is the attempt's finishedAt. The rule itself is pure
// (metrics/flakyTests.ts); this reads, for every test with a flaky failure in scope before `asOf`,
// its first and last flaky failure, the runs since the last one, and its latest sha's outcomes:
// those facts are the SQL function keel_flaky_test_facts (migration flaky_test_facts), which the
// FlakyTestState rollup's refresh reads too, so they are written once.
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

// The flaky failures come with their build's time and service (FlakyFailure.finishedAt, serviceId):
// no Build lookup. The rest is the test's FlakyTestState row when it answers for asOf (not stale,
// every execution before asOf, the same last flaky failure: then "since" and "latest" below asOf
// are the row's, over all time); otherwise, for that test only, computed from its executions by
// keel_flaky_test_facts, which PostgreSQL inlines here.
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
           CASE WHEN base.rollup THEN base."runsSinceLastFlaky" ELSE facts.runs END AS "runsSinceLastFlaky",
           CASE WHEN base.rollup THEN base."lastRunAt" ELSE facts."lastRunAt" END AS "lastRunAt",
           CASE WHEN base.rollup THEN base."latestShaFailed" ELSE facts.failed END AS "latestShaFailed",
           CASE WHEN base.rollup THEN base."latestShaPassed" ELSE facts.passed END AS "latestShaPassed"
    FROM base
    JOIN "TestCase" c ON c.id = base."testCaseId"
    LEFT JOIN "Service" s ON s.id = c."serviceId"
    -- Read from the executions only for the tests the rollup cannot answer for. OFFSET 0 keeps the
    -- subquery whole, so NOT base.rollup gates it (a one-time filter) instead of filtering its result.
    LEFT JOIN LATERAL (
      SELECT * FROM keel_flaky_test_facts(c.id, base."lastFlakyAt", ${asOf}::timestamptz) WHERE NOT base.rollup OFFSET 0
    ) facts ON true
    ORDER BY c.id`;
}
