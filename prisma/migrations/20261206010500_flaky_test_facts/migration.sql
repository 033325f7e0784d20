-- The facts that decide a flaky test's state (product.md "Flaky tests", metrics/flakyTests.ts), in
-- one place: the refresh of the FlakyTestState rollup reads them as of the end of time, and
-- db/queries/costs/flakyTestStates.ts as of an instant for the tests the rollup cannot answer for.
-- Written without a literal semicolon (the driver adapter splits a migration on semicolons).

-- Of test `test_id` as of `as_of`, from its executions before then (by TestResult.finishedAt, the
-- (testCaseId, finishedAt, status) index): the non-skipped runs since its last flaky failure and the
-- last of them, and, on the sha of its latest non-skipped run outside infrastructure outages, its
-- failed executions and passes there (outside outages). A single STABLE, non-STRICT SELECT
-- returning a table, so PostgreSQL inlines it into the calling query and plans it there.
CREATE FUNCTION keel_flaky_test_facts(test_id int, last_flaky_at timestamptz, as_of timestamptz)
RETURNS TABLE (runs int, "lastRunAt" timestamptz, failed int, passed int) LANGUAGE sql STABLE AS $$
  SELECT since.n, since.at, coalesce(latest.failed, 0), coalesce(latest.passed, 0)
  FROM (
    SELECT count(*)::int AS n, max(r."finishedAt") AS at FROM "TestResult" r
    WHERE r."testCaseId" = test_id AND r.status <> 'skipped' AND r."finishedAt" > last_flaky_at AND r."finishedAt" < as_of
  ) since
  LEFT JOIN LATERAL (
    SELECT r."commitSha" FROM "TestResult" r JOIN "Build" b ON b.id = r."buildId"
    WHERE r."testCaseId" = test_id AND r.status <> 'skipped' AND r."finishedAt" < as_of AND NOT b.outage
    ORDER BY r."finishedAt" DESC, r.id DESC LIMIT 1
  ) last ON true
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE r.status IN ('failed', 'error'))::int AS failed, count(*) FILTER (WHERE r.status = 'passed')::int AS passed
    FROM "TestResult" r JOIN "Build" b ON b.id = r."buildId"
    WHERE r."testCaseId" = test_id AND r."commitSha" = last."commitSha" AND r."finishedAt" < as_of AND NOT b.outage
  ) latest ON true
$$;

-- The refresh of migration flaky_test_state, now reading the facts above as of the end of time
-- instead of restating them: same rows, same columns.
CREATE OR REPLACE FUNCTION keel_refresh_flaky_test_states(test_ids int[]) RETURNS void LANGUAGE sql AS $$
  WITH fresh AS (
    SELECT flaky."testCaseId", flaky."lastFlakyAt", facts.runs AS "runsSinceLastFlaky", facts."lastRunAt",
           facts.failed AS "latestShaFailed", facts.passed AS "latestShaPassed",
           (SELECT max(r."finishedAt") FROM "TestResult" r WHERE r."testCaseId" = flaky."testCaseId") AS "lastExecutionAt"
    FROM (SELECT f."testCaseId", max(f."finishedAt") AS "lastFlakyAt" FROM "FlakyFailure" f WHERE f."testCaseId" = ANY (test_ids) GROUP BY f."testCaseId") flaky
    CROSS JOIN LATERAL keel_flaky_test_facts(flaky."testCaseId", flaky."lastFlakyAt", 'infinity') facts
  ), gone AS (
    -- A test without a flaky failure has no row.
    DELETE FROM "FlakyTestState" s WHERE s."testCaseId" = ANY (test_ids) AND s."testCaseId" NOT IN (SELECT "testCaseId" FROM fresh)
  )
  INSERT INTO "FlakyTestState" ("testCaseId", "lastFlakyAt", "runsSinceLastFlaky", "lastRunAt", "latestShaFailed", "latestShaPassed", "lastExecutionAt", stale)
  SELECT *, false FROM fresh
  ON CONFLICT ("testCaseId") DO UPDATE SET
    "lastFlakyAt" = excluded."lastFlakyAt", "runsSinceLastFlaky" = excluded."runsSinceLastFlaky", "lastRunAt" = excluded."lastRunAt",
    "latestShaFailed" = excluded."latestShaFailed", "latestShaPassed" = excluded."latestShaPassed",
    "lastExecutionAt" = excluded."lastExecutionAt", stale = false
$$;

-- The broken rule (product.md "Flaky tests"), once: a test is broken on a sha when its executions
-- there, outside outages, count at least two failed (failed or error) and no pass. Read by the
-- refresh below and by db/queries/costs/flakyTestHistory.ts. IMMUTABLE and a bare expression, so
-- PostgreSQL inlines it where it is called.
CREATE FUNCTION keel_broken(failed bigint, passed bigint) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT failed >= 2 AND passed = 0
$$;

-- The refresh of migration flaky_test_state, now judging each touched (test, sha) pair by
-- keel_broken: a pair without executions outside outages is not broken. Same rows as before.
CREATE OR REPLACE FUNCTION keel_refresh_broken_pairs(pairs json) RETURNS void LANGUAGE sql AS $$
  WITH verdict AS (
    SELECT p."testCaseId", p."commitSha",
           keel_broken(count(*) FILTER (WHERE r.status IN ('failed', 'error')), count(*) FILTER (WHERE r.status = 'passed')) AS broken
    FROM (SELECT DISTINCT x."testCaseId", x."commitSha" FROM json_to_recordset(coalesce(pairs, '[]'::json)) AS x("testCaseId" int, "commitSha" text)) p
    LEFT JOIN ("TestResult" r JOIN "Build" b ON b.id = r."buildId" AND NOT b.outage) ON r."testCaseId" = p."testCaseId" AND r."commitSha" = p."commitSha"
    GROUP BY p."testCaseId", p."commitSha"
  ), gone AS (
    DELETE FROM "BrokenPair" x USING verdict v WHERE NOT v.broken AND x."testCaseId" = v."testCaseId" AND x."commitSha" = v."commitSha"
  )
  INSERT INTO "BrokenPair" ("testCaseId", "commitSha") SELECT "testCaseId", "commitSha" FROM verdict WHERE broken
  ON CONFLICT DO NOTHING
$$;
