// Incremental flaky detection (product.md "Flaky tests"). A flaky failure is a failed (or errored)
// execution of a test on a commit sha where that test also passed: across attempts of one build,
// across builds of the sha, or within one report (Surefire's flakyFailure, repeated <testcase>).
// A build attempt where more than half of its tests failed is an infrastructure outage: it is left
// out of flakiness entirely (its failures would otherwise make every test look flaky).
//
// Each upload recomputes only the (test, sha) pairs it touches, from those pairs' own executions
// (TestResult's (testCaseId, commitSha) index): never a rescan of history. The pairs are every test
// of the uploaded builds (a new report can turn its build into an outage, or stop it being one) and
// the tests of the reports it replaced.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";

export interface TestShaPair {
  testCaseId: number;
  commitSha: string;
}

const FAILED = Prisma.sql`('failed', 'error')`;

/** The (test, sha) pairs of reports about to be replaced: `reports` are (buildId, name). */
export async function pairsOfReports(tx: Tx, reports: { buildId: string; name: string }[]): Promise<TestShaPair[]> {
  if (reports.length === 0) return [];
  return tx.$queryRaw<TestShaPair[]>(Prisma.sql`
    SELECT DISTINCT r."testCaseId", r."commitSha"
    FROM json_to_recordset(${JSON.stringify(reports)}::json) AS x("buildId" text, name text)
    JOIN "TestReport" t ON t."buildId" = x."buildId" AND t.name = x.name
    JOIN "TestResult" r ON r."reportId" = t.id`);
}

/** Every (test, sha) pair with results in the given builds, outside the given reports. */
export async function pairsOfOtherReports(tx: Tx, buildIds: string[], reportIds: number[]): Promise<TestShaPair[]> {
  if (buildIds.length === 0) return [];
  return tx.$queryRaw<TestShaPair[]>(Prisma.sql`
    SELECT DISTINCT r."testCaseId", r."commitSha" FROM "TestResult" r
    WHERE r."buildId" IN (SELECT value FROM json_array_elements_text(${JSON.stringify(buildIds)}::json))
      AND r."reportId" NOT IN (SELECT value::int FROM json_array_elements_text(${JSON.stringify(reportIds)}::json))`);
}

/** The touched pairs: every test with results in the given builds, plus `extra`. */
export function touchedPairs(buildIds: string[], extra: TestShaPair[]): Prisma.Sql {
  return Prisma.sql`
    SELECT DISTINCT r."testCaseId", r."commitSha" FROM "TestResult" r
    WHERE r."buildId" IN (SELECT value FROM json_array_elements_text(${JSON.stringify(buildIds)}::json))
    UNION
    SELECT x."testCaseId", x."commitSha" FROM json_to_recordset(${JSON.stringify(extra)}::json) AS x("testCaseId" int, "commitSha" text)`;
}

/**
 * Recomputes the flaky failures of the pairs touched by an upload, inside its transaction. Two
 * uploads of the same sha take turns (an advisory lock per sha), so each sees the other's
 * executions and a flaky pair split across two concurrent uploads is still found.
 */
export async function refreshFlakyFailures(tx: Tx, buildIds: string[], extra: TestShaPair[]): Promise<void> {
  if (buildIds.length === 0 && extra.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    SELECT pg_advisory_xact_lock(h) FROM (
      SELECT DISTINCT hashtext('keel.flaky:' || s) AS h FROM (
        SELECT b."commitSha" AS s FROM "Build" b
        WHERE b.id IN (SELECT value FROM json_array_elements_text(${JSON.stringify(buildIds)}::json))
        UNION SELECT x."commitSha" FROM json_to_recordset(${JSON.stringify(extra)}::json) AS x("commitSha" text)
      ) shas ORDER BY 1
    ) locks`);
  await tx.$executeRaw(Prisma.sql`
    DELETE FROM "FlakyFailure" f
    USING (${touchedPairs(buildIds, extra)}) p
    WHERE f."testCaseId" = p."testCaseId" AND f."commitSha" = p."commitSha"`);
  await tx.$executeRaw(Prisma.sql`
    WITH pairs AS (${touchedPairs(buildIds, extra)}),
    results AS (
      SELECT r.id, r."testCaseId", r."commitSha", r."buildId", r.status, b."finishedAt", b."serviceId"
      FROM pairs p JOIN "TestResult" r ON r."testCaseId" = p."testCaseId" AND r."commitSha" = p."commitSha"
      JOIN "Build" b ON b.id = r."buildId"
    ),
    -- Infrastructure outages among these attempts: more than 50% of the attempt's tests failed
    -- (final outcomes, all of its reports together).
    outages AS (
      SELECT t."buildId" FROM "TestReport" t
      WHERE t."buildId" IN (SELECT DISTINCT "buildId" FROM results)
      GROUP BY t."buildId"
      HAVING sum(t.failed + t.errors) * 2 > sum(t.tests)
    ),
    counted AS (SELECT * FROM results WHERE "buildId" NOT IN (SELECT "buildId" FROM outages)),
    flaky AS (
      SELECT "testCaseId", "commitSha" FROM counted
      GROUP BY "testCaseId", "commitSha"
      HAVING bool_or(status = 'passed') AND bool_or(status IN ${FAILED})
    )
    INSERT INTO "FlakyFailure" ("resultId", "testCaseId", "commitSha", "buildId", "finishedAt", "serviceId", "lastInAttempt")
    SELECT c.id, c."testCaseId", c."commitSha", c."buildId", c."finishedAt", c."serviceId",
           -- The test did not pass in this attempt, and no later failed execution of it there:
           -- this failure is the one that left the test red in the attempt.
           NOT EXISTS (
             SELECT 1 FROM counted o
             WHERE o."testCaseId" = c."testCaseId" AND o."buildId" = c."buildId"
               AND (o.status = 'passed' OR (o.status IN ${FAILED} AND o.id > c.id)))
    FROM counted c
    JOIN flaky USING ("testCaseId", "commitSha")
    WHERE c.status IN ${FAILED}`);
}
