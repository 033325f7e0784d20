// Synthetic CI data for the costs benchmark (server/bench/costs.ts), generated inside the database
// with INSERT ... SELECT ... FROM generate_series: one year, 200 services in 20 teams, each
// service's tests split over 1 to 4 shards (one pipeline per shard, 40 tests each), one commit a
// day or so per service, every shard built on every commit. Deterministic: the "random" numbers
// are hashes of row keys (hashint8), so every run builds the same data.
//   - 8% of tests are flaky-prone (fail 20% of their runs); 40% of those stop being flaky at some
//     commit (fixed); a failure is retried inside the report 40% of the time (a passing retry row,
//     Surefire's flakyFailure), else the attempt fails and is rerun (attempt 2, then 3);
//   - 1% of tests have a broken stretch (fail every run) of about ten days;
//   - 0.4% of attempts are infrastructure outages (every test errors);
//   - 2% of tests are always skipped.
// About 130 results per service and commit: commitsPerService = 400 gives ~10 million results.
import { DAY_MS } from "@keel/shared/calendar";
import { Prisma } from "../../../generated/prisma/client.ts";
import type { Tx } from "../../types.ts";
import { rnd, teamsAndServices } from "./benchSql.ts";

export interface CostsBenchSize {
  teams: number;
  services: number;
  commitsPerService: number;
  /** Data covers [end − 365 days, end). */
  end: Date;
}

const TESTS_PER_SHARD = 40;

export async function generateCostsBenchData(db: Tx, size: CostsBenchSize, log: (step: string) => void): Promise<void> {
  const start = new Date(size.end.getTime() - 365 * DAY_MS);
  const K = size.commitsPerService;
  const run = async (step: string, sql: Prisma.Sql) => {
    const t = performance.now();
    const n = await db.$executeRaw(sql);
    log(`${step}: ${n} rows (${Math.round(performance.now() - t)} ms)`);
  };
  const tc = Prisma.sql`(((b.s - 1) * 4 + (b.j - 1)) * ${TESTS_PER_SHARD}::int + t)`;
  const k = Prisma.sql`b.k`;
  // Per test: flaky-prone (and the commit its flakiness stops at), broken stretch, always skipped.
  const flakyProne = Prisma.sql`(${rnd(tc, 14)} < 0.08 AND ${k} < CASE WHEN ${rnd(tc, 15)} < 0.4 THEN floor(${rnd(tc, 19)} * ${K}::int) ELSE ${K + 1}::int END)`;
  const broken = Prisma.sql`(${rnd(tc, 12)} < 0.01 AND ${k} >= floor(${rnd(tc, 13)} * ${K}::int) AND ${k} < floor(${rnd(tc, 13)} * ${K}::int) + ${Math.max(2, Math.round(K / 36))}::int)`;
  const skipped = Prisma.sql`(${rnd(tc, 18)} < 0.02)`;
  const runKey = Prisma.sql`(b.num * 64 + t)`;
  const flakyFails = Prisma.sql`(${flakyProne} AND ${rnd(runKey, 16)} < 0.2)`;
  const retried = Prisma.sql`(${rnd(runKey, 17)} < 0.4)`;

  // Staging: one row per build attempt with its numeric key (dropped at the end).
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS _bench_build`);
  await db.$executeRawUnsafe(
    `CREATE UNLOGGED TABLE _bench_build (num bigint PRIMARY KEY, s int, k int, j int, a int, id text, sha text, started timestamptz, finished timestamptz, outage boolean)`,
  );
  await run("teams and services", teamsAndServices(size, 8));
  await run(
    "test cases",
    Prisma.sql`
    INSERT INTO "TestCase" (id, key, "keyHash", "serviceId", repository, suite, name, variant)
    SELECT id, key, encode(sha256(convert_to(key, 'UTF8')), 'hex'), "serviceId", repository, suite, name, variant
    FROM (
      SELECT ((s - 1) * 4 + (j - 1)) * ${TESTS_PER_SHARD}::int + t AS id, 'svc-' || s || chr(31) || 'suite.Shard' || j || chr(31) || 'test' || t || chr(31) AS key,
             md5('svc' || s)::uuid AS "serviceId", 'repo-' || s AS repository, 'suite.Shard' || j AS suite, 'test' || t AS name, '' AS variant
      FROM generate_series(1, ${size.services}::int) s, generate_series(1, 4) j, generate_series(1, ${TESTS_PER_SHARD}::int) t
      WHERE j <= 1 + s % 4
    ) k`,
  );
  await db.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"TestCase"', 'id'), (SELECT max(id) FROM "TestCase"))`);

  for (let attempt = 1; attempt <= 3; attempt++) {
    // Attempt 1 of every (service, commit, shard); a rerun of every failed attempt 90% of the time.
    await run(
      `attempt ${attempt}: builds`,
      attempt === 1
        ? Prisma.sql`
        INSERT INTO _bench_build
        SELECT ((s::bigint * 10000 + k) * 4 + j) * 4 + 1, s, k, j, 1, 'b' || s || '-' || k || '-' || j || '-1', md5('c' || s || '-' || k), st, st + (5 + 15 * ${rnd(Prisma.sql`s * 10000 + k`, 21)}) * interval '1 minute',
               ${rnd(Prisma.sql`((s::bigint * 10000 + k) * 4 + j) * 4 + 1`, 11)} < 0.004
        FROM generate_series(1, ${size.services}::int) s, generate_series(1, ${K}::int) k, generate_series(1, 4) j,
             LATERAL (SELECT ${start}::timestamptz + (k - 1 + 0.9 * ${rnd(Prisma.sql`s * 10000 + k`, 20)}) * ${365 / K}::float8 * interval '1 day' + j * interval '1 minute' AS st) x
        WHERE j <= 1 + s % 4`
        : Prisma.sql`
        INSERT INTO _bench_build
        SELECT p.num + 1, p.s, p.k, p.j, p.a + 1, 'b' || p.s || '-' || p.k || '-' || p.j || '-' || (p.a + 1), p.sha,
               p.finished + interval '2 minutes', p.finished + interval '2 minutes' + (p.finished - p.started),
               ${rnd(Prisma.sql`p.num + 1`, 11)} < 0.004
        FROM _bench_build p JOIN "Build" pb ON pb.id = p.id
        WHERE p.a = ${attempt - 1}::int AND pb.status = 'failure' AND ${rnd(Prisma.sql`p.num`, 22)} < 0.9`,
    );
    await run(
      `attempt ${attempt}: Build rows`,
      Prisma.sql`
      INSERT INTO "Build" (id, pipeline, "serviceId", repository, "commitSha", branch, attempt, status, "startedAt", "finishedAt", "updatedAt")
      SELECT id, 'shard-' || j, md5('svc' || s)::uuid, 'repo-' || s, sha, 'main', a, 'success', started, finished, now()
      FROM _bench_build WHERE a = ${attempt}::int`,
    );
    await run(
      `attempt ${attempt}: reports`,
      Prisma.sql`
      INSERT INTO "TestReport" (id, "buildId", name, tests, passed, failed, errors, skipped, "flakyRetries")
      SELECT num, id, 'junit', ${TESTS_PER_SHARD}::int, 0, 0, 0, 0, 0 FROM _bench_build WHERE a = ${attempt}::int`,
    );
    await run(
      `attempt ${attempt}: test results`,
      Prisma.sql`
      INSERT INTO "TestResult" ("reportId", "testCaseId", "buildId", "commitSha", status, "durationMs", retry, "finishedAt")
      SELECT b.num, ${tc}, b.id, b.sha, o.status::"TestStatus", (50 + 2000 * ${rnd(runKey, 23)})::int, o.retry, b.finished
      FROM _bench_build b CROSS JOIN generate_series(1, ${TESTS_PER_SHARD}::int) t
      CROSS JOIN LATERAL (
        SELECT CASE WHEN ${skipped} THEN 'skipped' WHEN b.outage THEN 'error' WHEN ${broken} OR ${flakyFails} THEN 'failed' ELSE 'passed' END AS status, 0 AS retry
        UNION ALL
        SELECT 'passed', 1 WHERE NOT ${skipped} AND NOT b.outage AND NOT ${broken} AND ${flakyFails} AND ${retried}
      ) o
      WHERE b.a = ${attempt}::int`,
    );
    // Final outcomes per attempt: a failed first run followed by a passing retry counts as passed.
    await run(
      `attempt ${attempt}: report counts and build status`,
      Prisma.sql`
      WITH c AS (
        SELECT r."reportId",
               count(*) FILTER (WHERE r.retry = 0 AND r.status = 'skipped')::int AS skipped,
               count(*) FILTER (WHERE r.retry = 0 AND r.status = 'error')::int AS errors,
               (count(*) FILTER (WHERE r.retry = 0 AND r.status = 'failed') - count(*) FILTER (WHERE r.retry = 1))::int AS failed,
               count(*) FILTER (WHERE r.retry = 1)::int AS retries
        FROM "TestResult" r JOIN _bench_build b ON b.num = r."reportId" WHERE b.a = ${attempt}::int
        GROUP BY r."reportId"
      ), u AS (
        UPDATE "TestReport" t SET skipped = c.skipped, errors = c.errors, failed = c.failed, "flakyRetries" = c.retries,
               passed = t.tests - c.skipped - c.errors - c.failed
        FROM c WHERE t.id = c."reportId"
        RETURNING t."buildId", c.failed + c.errors > 0 AS red
      )
      UPDATE "Build" b SET status = 'failure' FROM u WHERE b.id = u."buildId" AND u.red`,
    );
  }
  await db.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"TestReport"', 'id'), (SELECT max(id) FROM "TestReport"))`);
  await db.$executeRawUnsafe(`DROP TABLE _bench_build`);
  await run("flaky failures", allFlakyFailures());
  // The rollups recordTestReports keeps per upload, built at once as migration flaky_test_state's backfill does.
  await run(
    "outage flags",
    Prisma.sql`
    UPDATE "Build" b SET outage = true
    FROM (SELECT t."buildId" FROM "TestReport" t GROUP BY t."buildId" HAVING sum(t.failed + t.errors) * 2 > sum(t.tests)) o
    WHERE b.id = o."buildId"`,
  );
  await run(
    "broken pairs",
    Prisma.sql`
    SELECT keel_refresh_broken_pairs((
      SELECT json_agg(json_build_object('testCaseId', x."testCaseId", 'commitSha', x."commitSha"))
      FROM (SELECT DISTINCT r."testCaseId", r."commitSha" FROM "TestResult" r WHERE r.status IN ('failed', 'error')) x))::text`,
  );
  await run("flaky test states", Prisma.sql`SELECT keel_refresh_flaky_test_states(ARRAY(SELECT DISTINCT "testCaseId" FROM "FlakyFailure"))::text`);
}

/**
 * Every flaky failure of the data set at once: flakyFailures.ts's rule (refreshFlakyFailures, per
 * touched pair at upload) applied to every (test, sha) pair with a failed execution.
 */
function allFlakyFailures(): Prisma.Sql {
  const counted = Prisma.sql`NOT EXISTS (SELECT 1 FROM outages o WHERE o."buildId" = r."buildId")`;
  return Prisma.sql`
    WITH outages AS MATERIALIZED (
      SELECT t."buildId" FROM "TestReport" t GROUP BY t."buildId" HAVING sum(t.failed + t.errors) * 2 > sum(t.tests)
    ),
    flaky AS (
      SELECT DISTINCT r."testCaseId", r."commitSha" FROM "TestResult" r
      WHERE r.status IN ('failed', 'error') AND ${counted}
        AND EXISTS (SELECT 1 FROM "TestResult" p WHERE p."testCaseId" = r."testCaseId" AND p."commitSha" = r."commitSha" AND p.status = 'passed'
                    AND NOT EXISTS (SELECT 1 FROM outages o WHERE o."buildId" = p."buildId"))
    ),
    fc AS (
      SELECT r.id, r."testCaseId", r."commitSha", r."buildId", r.status,
             bool_or(r.status = 'passed') OVER w AS "passedInAttempt",
             max(r.id) FILTER (WHERE r.status IN ('failed', 'error')) OVER w AS "lastFailed"
      FROM flaky f JOIN "TestResult" r ON r."testCaseId" = f."testCaseId" AND r."commitSha" = f."commitSha"
      WHERE ${counted}
      WINDOW w AS (PARTITION BY r."testCaseId", r."buildId")
    )
    INSERT INTO "FlakyFailure" ("resultId", "testCaseId", "commitSha", "buildId", "finishedAt", "serviceId", "lastInAttempt")
    SELECT fc.id, fc."testCaseId", fc."commitSha", fc."buildId", b."finishedAt", b."serviceId", NOT fc."passedInAttempt" AND fc.id = fc."lastFailed"
    FROM fc JOIN "Build" b ON b.id = fc."buildId" WHERE fc.status IN ('failed', 'error')`;
}
