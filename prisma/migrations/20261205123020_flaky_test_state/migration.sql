-- AlterTable
ALTER TABLE "Build" ADD COLUMN     "outage" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable (backfilled from Build below, then NOT NULL)
ALTER TABLE "FlakyFailure" ADD COLUMN     "finishedAt" TIMESTAMPTZ(3),
ADD COLUMN     "serviceId" UUID;

-- AlterTable (backfilled from Build below, then NOT NULL)
ALTER TABLE "TestResult" ADD COLUMN     "finishedAt" TIMESTAMPTZ(3);

-- Backfill: the build's time (and service) on every test result and flaky failure, each build's
-- outage flag (more than half of the tests of its reports failed).
UPDATE "TestResult" r SET "finishedAt" = b."finishedAt" FROM "Build" b WHERE b.id = r."buildId";
ALTER TABLE "TestResult" ALTER COLUMN "finishedAt" SET NOT NULL;
UPDATE "FlakyFailure" f SET "finishedAt" = b."finishedAt", "serviceId" = b."serviceId" FROM "Build" b WHERE b.id = f."buildId";
ALTER TABLE "FlakyFailure" ALTER COLUMN "finishedAt" SET NOT NULL;
UPDATE "Build" b SET outage = true
FROM (SELECT t."buildId" FROM "TestReport" t GROUP BY t."buildId" HAVING sum(t.failed + t.errors) * 2 > sum(t.tests)) o
WHERE b.id = o."buildId";

-- CreateTable
CREATE TABLE "FlakyTestState" (
    "testCaseId" INTEGER NOT NULL,
    "lastFlakyAt" TIMESTAMPTZ(3) NOT NULL,
    "runsSinceLastFlaky" INTEGER NOT NULL,
    "lastRunAt" TIMESTAMPTZ(3),
    "latestShaFailed" INTEGER NOT NULL,
    "latestShaPassed" INTEGER NOT NULL,
    "lastExecutionAt" TIMESTAMPTZ(3) NOT NULL,
    "stale" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "FlakyTestState_pkey" PRIMARY KEY ("testCaseId")
);

-- CreateTable
CREATE TABLE "BrokenPair" (
    "testCaseId" INTEGER NOT NULL,
    "commitSha" TEXT NOT NULL,

    CONSTRAINT "BrokenPair_pkey" PRIMARY KEY ("testCaseId","commitSha")
);

-- CreateIndex
CREATE INDEX "BrokenPair_commitSha_idx" ON "BrokenPair"("commitSha");

-- CreateIndex
CREATE INDEX "Build_finishedAt_idx" ON "Build"("finishedAt");

-- CreateIndex
CREATE INDEX "FlakyFailure_finishedAt_idx" ON "FlakyFailure"("finishedAt");

-- CreateIndex
CREATE INDEX "FlakyFailure_serviceId_finishedAt_idx" ON "FlakyFailure"("serviceId", "finishedAt");

-- CreateIndex
CREATE INDEX "FlakyFailure_testCaseId_finishedAt_idx" ON "FlakyFailure"("testCaseId", "finishedAt");

-- CreateIndex
CREATE INDEX "TestResult_testCaseId_finishedAt_status_idx" ON "TestResult"("testCaseId", "finishedAt", "status");

-- The rollups' refresh, used by recordTestReports (server/src/db/queries/costs/flakyStates.ts) for
-- the tests and (test, sha) pairs an upload touches, and by the backfill below. Prisma does not
-- manage functions and triggers, so they live here only. Written without a literal semicolon
-- inside any statement (the driver adapter splits a migration on semicolons): single-statement SQL
-- functions, and \073 for the semicolon in the PL/pgSQL body.

-- Recomputes the FlakyTestState rows of the given tests from all their executions: the same facts
-- flakyTestStates.ts computes as of an instant, as of the end of time. A test without a flaky
-- failure has no row.
CREATE FUNCTION keel_refresh_flaky_test_states(test_ids int[]) RETURNS void LANGUAGE sql AS $$
  WITH flaky AS (
    SELECT f."testCaseId", max(f."finishedAt") AS "lastFlakyAt"
    FROM "FlakyFailure" f WHERE f."testCaseId" = ANY (test_ids)
    GROUP BY f."testCaseId"
  ), fresh AS (
    SELECT flaky."testCaseId", flaky."lastFlakyAt", since.runs, since."lastRunAt",
           coalesce(latest.failed, 0) AS failed, coalesce(latest.passed, 0) AS passed, ex."lastExecutionAt"
    FROM flaky
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS runs, max(r."finishedAt") AS "lastRunAt"
      FROM "TestResult" r
      WHERE r."testCaseId" = flaky."testCaseId" AND r.status <> 'skipped' AND r."finishedAt" > flaky."lastFlakyAt"
    ) since
    LEFT JOIN LATERAL (
      SELECT r."commitSha" FROM "TestResult" r JOIN "Build" b ON b.id = r."buildId"
      WHERE r."testCaseId" = flaky."testCaseId" AND r.status <> 'skipped' AND NOT b.outage
      ORDER BY r."finishedAt" DESC, r.id DESC
      LIMIT 1
    ) last ON true
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE r.status IN ('failed', 'error'))::int AS failed, count(*) FILTER (WHERE r.status = 'passed')::int AS passed
      FROM "TestResult" r JOIN "Build" b ON b.id = r."buildId"
      WHERE r."testCaseId" = flaky."testCaseId" AND r."commitSha" = last."commitSha" AND NOT b.outage
    ) latest ON true
    CROSS JOIN LATERAL (
      SELECT max(r."finishedAt") AS "lastExecutionAt" FROM "TestResult" r WHERE r."testCaseId" = flaky."testCaseId"
    ) ex
  ), gone AS (
    DELETE FROM "FlakyTestState" s
    WHERE s."testCaseId" = ANY (test_ids) AND NOT EXISTS (SELECT 1 FROM fresh WHERE fresh."testCaseId" = s."testCaseId")
  )
  INSERT INTO "FlakyTestState" ("testCaseId", "lastFlakyAt", "runsSinceLastFlaky", "lastRunAt", "latestShaFailed", "latestShaPassed", "lastExecutionAt", stale)
  SELECT "testCaseId", "lastFlakyAt", runs, "lastRunAt", failed, passed, "lastExecutionAt", false FROM fresh
  ON CONFLICT ("testCaseId") DO UPDATE SET
    "lastFlakyAt" = excluded."lastFlakyAt", "runsSinceLastFlaky" = excluded."runsSinceLastFlaky", "lastRunAt" = excluded."lastRunAt",
    "latestShaFailed" = excluded."latestShaFailed", "latestShaPassed" = excluded."latestShaPassed",
    "lastExecutionAt" = excluded."lastExecutionAt", stale = false
$$;

-- Recomputes which of the given (test, sha) pairs are broken: at least two failed executions and
-- no pass, outside outages. `pairs` is a JSON array of { "testCaseId", "commitSha" }.
CREATE FUNCTION keel_refresh_broken_pairs(pairs json) RETURNS void LANGUAGE sql AS $$
  WITH p AS (
    SELECT DISTINCT x."testCaseId", x."commitSha" FROM json_to_recordset(coalesce(pairs, '[]'::json)) AS x("testCaseId" int, "commitSha" text)
  ), fresh AS (
    SELECT p."testCaseId", p."commitSha"
    FROM p
    JOIN "TestResult" r ON r."testCaseId" = p."testCaseId" AND r."commitSha" = p."commitSha"
    JOIN "Build" b ON b.id = r."buildId"
    WHERE NOT b.outage
    GROUP BY p."testCaseId", p."commitSha"
    HAVING count(*) FILTER (WHERE r.status IN ('failed', 'error')) >= 2 AND count(*) FILTER (WHERE r.status = 'passed') = 0
  ), gone AS (
    DELETE FROM "BrokenPair" x USING p
    WHERE x."testCaseId" = p."testCaseId" AND x."commitSha" = p."commitSha"
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f."testCaseId" = x."testCaseId" AND f."commitSha" = x."commitSha")
  )
  INSERT INTO "BrokenPair" ("testCaseId", "commitSha") SELECT "testCaseId", "commitSha" FROM fresh
  ON CONFLICT DO NOTHING
$$;

-- A result takes its build's time when the insert leaves it out (recordTestReports does).
CREATE FUNCTION keel_test_result_finished_at() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  SELECT b."finishedAt" INTO NEW."finishedAt" FROM "Build" b WHERE b.id = NEW."buildId"\073
  RETURN NEW\073
END';

CREATE TRIGGER keel_test_result_finished_at BEFORE INSERT ON "TestResult"
  FOR EACH ROW WHEN (NEW."finishedAt" IS NULL) EXECUTE FUNCTION keel_test_result_finished_at();

-- A build event can change a build's time or service after its reports: its results and flaky
-- failures carry them, and the states of its tests may no longer hold (marked stale: queries then
-- compute those tests from their executions until an upload refreshes them).
CREATE FUNCTION keel_flaky_builds_changed() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  UPDATE "TestResult" r SET "finishedAt" = n."finishedAt"
  FROM after_rows n JOIN before_rows o ON o.id = n.id
  WHERE r."buildId" = n.id AND n."finishedAt" IS DISTINCT FROM o."finishedAt"\073
  UPDATE "FlakyFailure" f SET "finishedAt" = n."finishedAt", "serviceId" = n."serviceId"
  FROM after_rows n JOIN before_rows o ON o.id = n.id
  WHERE f."buildId" = n.id AND (n."finishedAt", n."serviceId") IS DISTINCT FROM (o."finishedAt", o."serviceId")\073
  UPDATE "FlakyTestState" s SET stale = true
  WHERE NOT s.stale AND s."testCaseId" IN (
    SELECT r."testCaseId" FROM after_rows n JOIN before_rows o ON o.id = n.id JOIN "TestResult" r ON r."buildId" = n.id
    WHERE (n."finishedAt", n."serviceId") IS DISTINCT FROM (o."finishedAt", o."serviceId"))\073
  RETURN NULL\073
END';

CREATE TRIGGER keel_flaky_builds_changed AFTER UPDATE ON "Build"
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION keel_flaky_builds_changed();

-- Backfill the rollups (after the indexes above, which they read).
SELECT keel_refresh_broken_pairs((
  SELECT json_agg(json_build_object('testCaseId', x."testCaseId", 'commitSha', x."commitSha"))
  FROM (SELECT DISTINCT r."testCaseId", r."commitSha" FROM "TestResult" r WHERE r.status IN ('failed', 'error')) x));
SELECT keel_refresh_flaky_test_states(ARRAY(SELECT DISTINCT "testCaseId" FROM "FlakyFailure"));
