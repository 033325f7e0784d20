// One test's runs by commit (product.md "Flaky tests": "its pass/fail history across builds and
// shas"): every build attempt in scope that finished in the window and ran the test, grouped by
// commit sha, the most recent shas first. The rules are the ones detection already applied:
//   - a flaky failure is a FlakyFailure row (flakyFailures.ts), never re-derived here;
//   - it is blocking when it left the test red in its attempt and the attempt failed (as flakyCosts.ts);
//   - an outage is isInfrastructureOutage (testOutages.ts); its executions count for nothing;
//   - broken on a sha is brokenTests' rule (≥ 2 failed executions, no pass, outside outages): the SQL
//     function keel_broken (migration flaky_test_facts).
// A sha is flaky here when one of its attempts in the window holds a flaky failure: those are the
// failures the flaky list counts for this window, so the two always agree.
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { inScope } from "../dora/fragments.ts";
import type { CostQuery } from "./scope.ts";
import { isInfrastructureOutage } from "./testOutages.ts";

export type TestOutcome = "passed" | "failed" | "error" | "skipped";

/** One build attempt of one sha, with that sha's facts repeated (the service nests them). */
export interface TestHistoryRow {
  commitSha: string;
  /** The latest attempt's finishedAt on this sha (in the window): the shas' order. */
  shaFinishedAt: Date;
  /** The branch of the sha's latest attempt that named one. */
  shaBranch: string | null;
  shaFlaky: boolean;
  shaBroken: boolean;
  shaOutageAttempts: number;
  /** Shas with a run of the test in the window, before the limit. */
  totalShas: number;
  buildId: string;
  pipeline: string;
  attempt: number;
  branch: string | null;
  buildStatus: "success" | "failure" | "cancelled";
  startedAt: Date;
  finishedAt: Date;
  /** The test's executions in this attempt, in the order they ran (retries after the first run). */
  outcomes: TestOutcome[];
  flakyFailures: number;
  /** One of its flaky failures left the test red here and the attempt failed. */
  blocking: boolean;
  /** It failed, then passed on a retry inside this attempt (Surefire's flakyFailure). */
  passedOnRetry: boolean;
  outage: boolean;
}

export function flakyTestHistory(db: Tx, q: CostQuery, testCaseId: number, maxShas: number): Promise<TestHistoryRow[]> {
  return db.$queryRaw<TestHistoryRow[]>(Prisma.sql`
    WITH runs AS (
      SELECT b.id AS "buildId", b."commitSha", b.pipeline, b.attempt, b.branch, b.status::text AS "buildStatus",
             b."startedAt", b."finishedAt",
             array_agg(r.status::text ORDER BY r."reportId", r.retry, r.id)::text[] AS outcomes,
             count(*) FILTER (WHERE r.status = 'passed')::int AS passed,
             count(*) FILTER (WHERE r.status IN ('failed', 'error'))::int AS failed,
             count(f."resultId")::int AS "flakyFailures",
             coalesce(bool_or(f."lastInAttempt" AND b.status = 'failure'), false) AS blocking,
             coalesce(${isInfrastructureOutage(Prisma.sql`b.id`)}, false) AS outage
      FROM "TestResult" r
      JOIN "Build" b ON b.id = r."buildId"
      LEFT JOIN "FlakyFailure" f ON f."resultId" = r.id
      WHERE r."testCaseId" = ${testCaseId} AND b."finishedAt" >= ${q.from} AND b."finishedAt" < ${q.to}
        ${inScope(Prisma.sql`b."serviceId"`, q)}
      GROUP BY b.id
    ),
    shas AS (
      SELECT "commitSha",
             max("finishedAt") AS "shaFinishedAt",
             (array_agg(branch ORDER BY "finishedAt" DESC, "buildId" DESC) FILTER (WHERE branch IS NOT NULL))[1] AS "shaBranch",
             bool_or("flakyFailures" > 0) AS "shaFlaky",
             keel_broken(coalesce(sum(failed) FILTER (WHERE NOT outage), 0), coalesce(sum(passed) FILTER (WHERE NOT outage), 0)) AS "shaBroken",
             count(*) FILTER (WHERE outage)::int AS "shaOutageAttempts",
             -- Window functions run after GROUP BY and before LIMIT: every sha is counted.
             count(*) OVER ()::int AS "totalShas"
      FROM runs
      GROUP BY "commitSha"
      ORDER BY "shaFinishedAt" DESC, "commitSha" DESC
      LIMIT ${maxShas}
    )
    SELECT s."commitSha", s."shaFinishedAt", s."shaBranch", s."shaFlaky", s."shaBroken", s."shaOutageAttempts", s."totalShas",
           r."buildId", r.pipeline, r.attempt, r.branch, r."buildStatus", r."startedAt", r."finishedAt", r.outcomes,
           r."flakyFailures", r.blocking, (r."flakyFailures" > 0 AND r.passed > 0) AS "passedOnRetry", r.outage
    FROM shas s
    JOIN runs r USING ("commitSha")
    ORDER BY s."shaFinishedAt" DESC, s."commitSha" DESC, r."startedAt", r.attempt, r."buildId"`);
}
