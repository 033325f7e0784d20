-- AlterTable
ALTER TABLE "FlakyFailure" ADD COLUMN     "blocking" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rerunFinishedAt" TIMESTAMPTZ(3),
ADD COLUMN     "rerunKnown" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "rerunStartedAt" TIMESTAMPTZ(3);

-- What a flaky failure's cost needs from its build and the build's rerun, kept on the failure so a
-- window's cost rows (server/src/db/queries/costs/flakyCosts.ts) read no Build row: blocking (the
-- failure left the test red in its attempt, lastInAttempt, and the attempt failed) and, for a
-- blocking failure, the rerun's start and finish, or the failed attempt's own when no rerun is
-- known. The rerun of a failed attempt is the next attempt of the same sha and pipeline (same
-- service and repository), in start order (startedAt, attempt, id). Recomputed for every flaky
-- failure of the builds of the given shas: a build's own facts, and its rerun, can change only
-- with a build of its sha. Written without a literal semicolon inside any statement (the driver
-- adapter splits a migration on semicolons): single-statement SQL, and \073 in PL/pgSQL bodies.
CREATE FUNCTION keel_refresh_flaky_failure_builds(shas text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "FlakyFailure" f
  SET blocking = x.blocking, "rerunKnown" = x."rerunKnown", "rerunStartedAt" = x."rerunStartedAt", "rerunFinishedAt" = x."rerunFinishedAt"
  FROM (
    SELECT o."resultId", o."lastInAttempt" AND b.status = 'failure' AS blocking, n.id IS NOT NULL AS "rerunKnown",
           CASE WHEN o."lastInAttempt" AND b.status = 'failure' THEN coalesce(n."startedAt", b."startedAt") END AS "rerunStartedAt",
           CASE WHEN o."lastInAttempt" AND b.status = 'failure' THEN coalesce(n."finishedAt", b."finishedAt") END AS "rerunFinishedAt"
    FROM "Build" b
    JOIN "FlakyFailure" o ON o."buildId" = b.id
    LEFT JOIN LATERAL (
      SELECT n.id, n."startedAt", n."finishedAt" FROM "Build" n
      WHERE n."commitSha" = b."commitSha" AND n.pipeline = b.pipeline
        AND n."serviceId" IS NOT DISTINCT FROM b."serviceId" AND n.repository IS NOT DISTINCT FROM b.repository
        AND (n."startedAt", n.attempt, n.id) > (b."startedAt", b.attempt, b.id)
        AND o."lastInAttempt" AND b.status = 'failure'
      ORDER BY n."startedAt", n.attempt, n.id
      LIMIT 1
    ) n ON true
    WHERE b."commitSha" = ANY (shas)
  ) x
  WHERE f."resultId" = x."resultId"
    AND (f.blocking, f."rerunKnown", f."rerunStartedAt", f."rerunFinishedAt")
        IS DISTINCT FROM (x.blocking, x."rerunKnown", x."rerunStartedAt", x."rerunFinishedAt")
$$;

-- New flaky failures (recordTestReports recomputes a pair's failures by deleting and inserting them).
CREATE FUNCTION keel_flaky_failures_inserted() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  PERFORM keel_refresh_flaky_failure_builds(ARRAY(SELECT DISTINCT b."commitSha" FROM new_rows f JOIN "Build" b ON b.id = f."buildId"))\073
  RETURN NULL\073
END';

CREATE TRIGGER keel_flaky_failures_inserted AFTER INSERT ON "FlakyFailure"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION keel_flaky_failures_inserted();

-- A new attempt can be an earlier failed attempt's rerun.
CREATE FUNCTION keel_flaky_rerun_builds_inserted() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  IF EXISTS (SELECT 1 FROM "FlakyFailure") THEN
    PERFORM keel_refresh_flaky_failure_builds(ARRAY(SELECT DISTINCT "commitSha" FROM new_rows))\073
  END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER keel_flaky_rerun_builds_inserted AFTER INSERT ON "Build"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION keel_flaky_rerun_builds_inserted();

-- A build event that changes what the rule reads, for the builds of its old and its new sha.
CREATE FUNCTION keel_flaky_rerun_builds_updated() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  PERFORM keel_refresh_flaky_failure_builds(ARRAY(
    SELECT unnest(ARRAY[o."commitSha", n."commitSha"])
    FROM after_rows n JOIN before_rows o ON o.id = n.id
    WHERE (n."commitSha", n.pipeline, n."serviceId", n.repository, n.attempt, n.status, n."startedAt", n."finishedAt")
      IS DISTINCT FROM (o."commitSha", o.pipeline, o."serviceId", o.repository, o.attempt, o.status, o."startedAt", o."finishedAt")))\073
  RETURN NULL\073
END';

CREATE TRIGGER keel_flaky_rerun_builds_updated AFTER UPDATE ON "Build"
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
  FOR EACH STATEMENT EXECUTE FUNCTION keel_flaky_rerun_builds_updated();

-- A deleted attempt may have been another's rerun.
CREATE FUNCTION keel_flaky_rerun_builds_deleted() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  PERFORM keel_refresh_flaky_failure_builds(ARRAY(SELECT DISTINCT "commitSha" FROM old_rows))\073
  RETURN NULL\073
END';

CREATE TRIGGER keel_flaky_rerun_builds_deleted AFTER DELETE ON "Build"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION keel_flaky_rerun_builds_deleted();

-- Backfill.
SELECT keel_refresh_flaky_failure_builds(ARRAY(SELECT DISTINCT b."commitSha" FROM "FlakyFailure" f JOIN "Build" b ON b.id = f."buildId"));
