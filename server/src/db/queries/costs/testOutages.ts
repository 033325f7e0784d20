// What flaky detection leaves out, reported apart (product.md "Flaky tests"): infrastructure
// outages (build attempts where more than 50% of the tests failed) and broken tests (failed on
// every attempt of a sha: at least two failed executions and no pass, outside outages).
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { inScope } from "../dora/fragments.ts";
import type { CostQuery } from "./scope.ts";

/**
 * True when a build attempt is an infrastructure outage: more than half of its tests failed, over
 * all of its reports (the rule flakyFailures.ts applies, aggregated, when it leaves outages out).
 * Null for an attempt with no report.
 */
export function isInfrastructureOutage(buildId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT sum(t.failed + t.errors) * 2 > sum(t.tests) FROM "TestReport" t WHERE t."buildId" = ${buildId})`;
}

export interface OutageRow {
  buildId: string;
  serviceSlug: string | null;
  pipeline: string;
  commitSha: string;
  attempt: number;
  finishedAt: Date;
  tests: number;
  failed: number;
}

/** Runs one of the SQL builders below (exported apart so that bench/costsPlans.ts explains the same SQL). */
function rowsOf<Row>(sql: (q: CostQuery) => Prisma.Sql): (db: Tx, q: CostQuery) => Promise<Row[]> {
  return (db, q) => db.$queryRaw<Row[]>(sql(q));
}

/** Build attempts in scope finished in the window where more than half of the tests failed. */
export const infrastructureOutages = rowsOf<OutageRow>(infrastructureOutagesSql);

// Build.outage (kept by recordTestReports) finds the window's outages by index; the sums are the rule.
export function infrastructureOutagesSql(q: CostQuery): Prisma.Sql {
  return Prisma.sql`
    SELECT b.id AS "buildId", s.slug AS "serviceSlug", b.pipeline, b."commitSha", b.attempt, b."finishedAt",
           sum(t.tests)::int AS tests, sum(t.failed + t.errors)::int AS failed
    FROM "Build" b
    JOIN "TestReport" t ON t."buildId" = b.id
    LEFT JOIN "Service" s ON s.id = b."serviceId"
    WHERE b.outage AND b."finishedAt" >= ${q.from} AND b."finishedAt" < ${q.to} ${inScope(Prisma.sql`b."serviceId"`, q)}
    GROUP BY b.id, s.slug
    HAVING sum(t.failed + t.errors) * 2 > sum(t.tests)
    ORDER BY b."finishedAt", b.id`;
}

export interface BrokenTestRow {
  testCaseId: number;
  serviceSlug: string | null;
  suite: string;
  name: string;
  variant: string;
  /** Shas on which it failed every attempt, with a failed execution in the window. */
  shas: number;
  failedExecutions: number;
  firstFailedAt: Date;
  lastFailedAt: Date;
}

/** Tests that failed on every attempt of a sha (≥ 2 failed executions, no pass), in the window. */
export const brokenTests = rowsOf<BrokenTestRow>(brokenTestsSql);

// The broken pairs are kept by recordTestReports (BrokenPair), so the window only decides which of
// them had a failed execution (outages included) in scope: only pairs whose sha was built in the
// window in scope can, and those are found from the window's builds (by index), not all history.
export function brokenTestsSql(q: CostQuery): Prisma.Sql {
  return Prisma.sql`
    WITH shas AS (
      SELECT DISTINCT b."commitSha" FROM "Build" b
      WHERE b."finishedAt" >= ${q.from} AND b."finishedAt" < ${q.to} ${inScope(Prisma.sql`b."serviceId"`, q)}
    ),
    failures AS (
      SELECT p."testCaseId", p."commitSha" FROM shas JOIN "BrokenPair" p ON p."commitSha" = shas."commitSha"
      WHERE EXISTS (
        SELECT 1 FROM "TestResult" r JOIN "Build" b ON b.id = r."buildId"
        WHERE r."testCaseId" = p."testCaseId" AND r."commitSha" = p."commitSha" AND r.status IN ('failed', 'error')
          AND r."finishedAt" >= ${q.from} AND r."finishedAt" < ${q.to} ${inScope(Prisma.sql`b."serviceId"`, q)})
    ),
    pairs AS (
      SELECT p."testCaseId", p."commitSha",
             count(*) FILTER (WHERE r.status IN ('failed', 'error'))::int AS failed,
             count(*) FILTER (WHERE r.status = 'passed')::int AS passed,
             min(b."finishedAt") FILTER (WHERE r.status IN ('failed', 'error')) AS "firstFailedAt",
             max(b."finishedAt") FILTER (WHERE r.status IN ('failed', 'error')) AS "lastFailedAt"
      FROM failures p
      JOIN "TestResult" r ON r."testCaseId" = p."testCaseId" AND r."commitSha" = p."commitSha"
      JOIN "Build" b ON b.id = r."buildId"
      WHERE NOT b.outage
      GROUP BY p."testCaseId", p."commitSha"
    )
    SELECT c.id AS "testCaseId", s.slug AS "serviceSlug", c.suite, c.name, c.variant,
           count(*)::int AS shas, sum(p.failed)::int AS "failedExecutions",
           min(p."firstFailedAt") AS "firstFailedAt", max(p."lastFailedAt") AS "lastFailedAt"
    FROM pairs p
    JOIN "TestCase" c ON c.id = p."testCaseId"
    LEFT JOIN "Service" s ON s.id = c."serviceId"
    WHERE p.failed >= 2 AND p.passed = 0
    GROUP BY c.id, s.slug
    ORDER BY sum(p.failed) DESC, c.id`;
}
