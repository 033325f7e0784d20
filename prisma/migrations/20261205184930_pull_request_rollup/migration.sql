-- CreateTable
CREATE TABLE "PullRequestSummary" (
    "repository" TEXT NOT NULL,
    "prNumber" INTEGER NOT NULL,
    "firstCommitAt" TIMESTAMPTZ(3) NOT NULL,
    "openedAt" TIMESTAMPTZ(3),
    "reviewedAt" TIMESTAMPTZ(3),
    "mergedAt" TIMESTAMPTZ(3),
    "serviceIds" UUID[],

    CONSTRAINT "PullRequestSummary_pkey" PRIMARY KEY ("repository","prNumber")
);

-- CreateTable
CREATE TABLE "PullRequestDelivery" (
    "repository" TEXT NOT NULL,
    "prNumber" INTEGER NOT NULL,
    "environmentId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "deployedAt" TIMESTAMPTZ(3) NOT NULL,
    "firstInEnvironmentAt" TIMESTAMPTZ(3) NOT NULL,
    "firstCommitAt" TIMESTAMPTZ(3) NOT NULL,
    "openedAt" TIMESTAMPTZ(3),
    "reviewedAt" TIMESTAMPTZ(3),
    "mergedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PullRequestDelivery_pkey" PRIMARY KEY ("repository","prNumber","environmentId","serviceId")
);

-- CreateIndex
CREATE INDEX "PullRequestSummary_mergedAt_idx" ON "PullRequestSummary"("mergedAt");

-- CreateIndex
CREATE INDEX "PullRequestDelivery_environmentId_deployedAt_serviceId_repo_idx" ON "PullRequestDelivery"("environmentId", "deployedAt", "serviceId", "repository", "prNumber", "firstInEnvironmentAt", "firstCommitAt", "openedAt", "reviewedAt", "mergedAt");

-- The two rollups are kept by the database, in the same transaction as every write that can move a
-- pull request's facts or first deliveries (a change's PR fields, commit time or service, a change's
-- first delivery in ChangeDelivery, itself trigger-kept), whatever made the write.
--
-- As in the change_delivery migration: no literal semicolon inside a statement (Prisma's driver
-- adapter splits migrations on them), and PL/pgSQL bodies spell it \073.
--
-- keel_refresh_pull_requests recomputes the given PRs from Change and ChangeDelivery. With merge
-- (new rows only: inserts), it keeps the earlier of the stored and the computed times and the union of
-- services, so concurrent transactions adding commits to one PR agree whatever order they commit in.
-- Without merge (updates and deletes, which can move a time later), the computed rows replace the stored.
CREATE FUNCTION keel_refresh_pull_requests(repos text[], numbers int[], merge boolean) RETURNS void LANGUAGE sql AS $$
  WITH prs AS (
    SELECT DISTINCT u.repository, u."prNumber" FROM unnest(repos, numbers) AS u(repository, "prNumber") WHERE u."prNumber" IS NOT NULL
  ), changes AS (
    SELECT c.id, c.repository, c."prNumber", c."committedAt", c."prOpenedAt", c."prFirstReviewAt", c."prMergedAt", c."serviceId"
    FROM prs JOIN "Change" c ON c.repository = prs.repository AND c."prNumber" = prs."prNumber"
  ), facts AS (
    SELECT repository, "prNumber", min("committedAt") AS "firstCommitAt", min("prOpenedAt") AS "openedAt",
           min("prFirstReviewAt") AS "reviewedAt", min("prMergedAt") AS "mergedAt",
           coalesce(array_agg(DISTINCT "serviceId") FILTER (WHERE "serviceId" IS NOT NULL), '{}') AS "serviceIds"
    FROM changes GROUP BY repository, "prNumber"
  ), firsts AS (
    SELECT c.repository, c."prNumber", cd."environmentId", cd."serviceId", min(cd."finishedAt") AS "deployedAt"
    FROM changes c JOIN "ChangeDelivery" cd ON cd."changeId" = c.id
    GROUP BY c.repository, c."prNumber", cd."environmentId", cd."serviceId"
  ), deliveries AS (
    SELECT d.repository, d."prNumber", d."environmentId", d."serviceId", d."deployedAt",
           min(d."deployedAt") OVER (PARTITION BY d.repository, d."prNumber", d."environmentId") AS "firstInEnvironmentAt",
           f."firstCommitAt", f."openedAt", f."reviewedAt", f."mergedAt"
    FROM firsts d JOIN facts f ON f.repository = d.repository AND f."prNumber" = d."prNumber"
  ), gone_facts AS (
    DELETE FROM "PullRequestSummary" p USING prs
    WHERE NOT merge AND p.repository = prs.repository AND p."prNumber" = prs."prNumber"
      AND NOT EXISTS (SELECT 1 FROM facts f WHERE f.repository = p.repository AND f."prNumber" = p."prNumber")
  ), gone_deliveries AS (
    DELETE FROM "PullRequestDelivery" p USING prs
    WHERE NOT merge AND p.repository = prs.repository AND p."prNumber" = prs."prNumber"
      AND NOT EXISTS (SELECT 1 FROM deliveries f WHERE f.repository = p.repository AND f."prNumber" = p."prNumber"
                        AND f."environmentId" = p."environmentId" AND f."serviceId" = p."serviceId")
  ), put_facts AS (
    INSERT INTO "PullRequestSummary" AS p (repository, "prNumber", "firstCommitAt", "openedAt", "reviewedAt", "mergedAt", "serviceIds")
    SELECT repository, "prNumber", "firstCommitAt", "openedAt", "reviewedAt", "mergedAt", "serviceIds" FROM facts
    ON CONFLICT (repository, "prNumber") DO UPDATE SET
      "firstCommitAt" = CASE WHEN merge THEN LEAST(p."firstCommitAt", excluded."firstCommitAt") ELSE excluded."firstCommitAt" END,
      "openedAt" = CASE WHEN merge THEN LEAST(p."openedAt", excluded."openedAt") ELSE excluded."openedAt" END,
      "reviewedAt" = CASE WHEN merge THEN LEAST(p."reviewedAt", excluded."reviewedAt") ELSE excluded."reviewedAt" END,
      "mergedAt" = CASE WHEN merge THEN LEAST(p."mergedAt", excluded."mergedAt") ELSE excluded."mergedAt" END,
      "serviceIds" = CASE WHEN merge THEN ARRAY(SELECT DISTINCT s FROM unnest(p."serviceIds" || excluded."serviceIds") AS s ORDER BY s)
                          ELSE excluded."serviceIds" END
  )
  INSERT INTO "PullRequestDelivery" AS p (repository, "prNumber", "environmentId", "serviceId", "deployedAt", "firstInEnvironmentAt",
                                          "firstCommitAt", "openedAt", "reviewedAt", "mergedAt")
  SELECT repository, "prNumber", "environmentId", "serviceId", "deployedAt", "firstInEnvironmentAt",
         "firstCommitAt", "openedAt", "reviewedAt", "mergedAt"
  FROM deliveries
  ON CONFLICT (repository, "prNumber", "environmentId", "serviceId") DO UPDATE SET
    "deployedAt" = CASE WHEN merge THEN LEAST(p."deployedAt", excluded."deployedAt") ELSE excluded."deployedAt" END,
    "firstInEnvironmentAt" = CASE WHEN merge THEN LEAST(p."firstInEnvironmentAt", excluded."firstInEnvironmentAt") ELSE excluded."firstInEnvironmentAt" END,
    "firstCommitAt" = CASE WHEN merge THEN LEAST(p."firstCommitAt", excluded."firstCommitAt") ELSE excluded."firstCommitAt" END,
    "openedAt" = CASE WHEN merge THEN LEAST(p."openedAt", excluded."openedAt") ELSE excluded."openedAt" END,
    "reviewedAt" = CASE WHEN merge THEN LEAST(p."reviewedAt", excluded."reviewedAt") ELSE excluded."reviewedAt" END,
    "mergedAt" = CASE WHEN merge THEN LEAST(p."mergedAt", excluded."mergedAt") ELSE excluded."mergedAt" END
$$;

CREATE FUNCTION keel_pull_requests_changes_added() RETURNS trigger LANGUAGE plpgsql AS
E'DECLARE rs text[]\073 ns int[]\073
BEGIN
  SELECT array_agg(repository), array_agg("prNumber") INTO rs, ns FROM added WHERE "prNumber" IS NOT NULL\073
  IF rs IS NOT NULL THEN PERFORM keel_refresh_pull_requests(rs, ns, true)\073 END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION keel_pull_requests_changes_removed() RETURNS trigger LANGUAGE plpgsql AS
E'DECLARE rs text[]\073 ns int[]\073
BEGIN
  SELECT array_agg(repository), array_agg("prNumber") INTO rs, ns FROM removed WHERE "prNumber" IS NOT NULL\073
  IF rs IS NOT NULL THEN PERFORM keel_refresh_pull_requests(rs, ns, false)\073 END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION keel_pull_requests_changes_changed() RETURNS trigger LANGUAGE plpgsql AS
E'DECLARE rs text[]\073 ns int[]\073
BEGIN
  SELECT array_agg(k.repository), array_agg(k."prNumber") INTO rs, ns FROM (
    SELECT o.repository, o."prNumber", n.repository AS "newRepository", n."prNumber" AS "newPrNumber"
    FROM after_rows n JOIN before_rows o ON o.id = n.id
    WHERE (n.repository, n."prNumber", n."committedAt", n."prOpenedAt", n."prFirstReviewAt", n."prMergedAt", n."serviceId")
          IS DISTINCT FROM (o.repository, o."prNumber", o."committedAt", o."prOpenedAt", o."prFirstReviewAt", o."prMergedAt", o."serviceId")
  ) moved CROSS JOIN LATERAL (VALUES (moved.repository, moved."prNumber"), (moved."newRepository", moved."newPrNumber")) AS k(repository, "prNumber")
  WHERE k."prNumber" IS NOT NULL\073
  IF rs IS NOT NULL THEN PERFORM keel_refresh_pull_requests(rs, ns, false)\073 END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION keel_pull_requests_deliveries_added() RETURNS trigger LANGUAGE plpgsql AS
E'DECLARE rs text[]\073 ns int[]\073
BEGIN
  SELECT array_agg(c.repository), array_agg(c."prNumber") INTO rs, ns
  FROM (SELECT DISTINCT "changeId" FROM added) a JOIN "Change" c ON c.id = a."changeId" WHERE c."prNumber" IS NOT NULL\073
  IF rs IS NOT NULL THEN PERFORM keel_refresh_pull_requests(rs, ns, true)\073 END IF\073
  RETURN NULL\073
END';

CREATE FUNCTION keel_pull_requests_deliveries_changed() RETURNS trigger LANGUAGE plpgsql AS
E'DECLARE rs text[]\073 ns int[]\073
BEGIN
  SELECT array_agg(c.repository), array_agg(c."prNumber") INTO rs, ns
  FROM (SELECT DISTINCT "changeId" FROM removed) a JOIN "Change" c ON c.id = a."changeId" WHERE c."prNumber" IS NOT NULL\073
  IF rs IS NOT NULL THEN PERFORM keel_refresh_pull_requests(rs, ns, false)\073 END IF\073
  RETURN NULL\073
END';

CREATE TRIGGER "Change_pull_requests_insert" AFTER INSERT ON "Change"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION keel_pull_requests_changes_added();
CREATE TRIGGER "Change_pull_requests_delete" AFTER DELETE ON "Change"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION keel_pull_requests_changes_removed();
CREATE TRIGGER "Change_pull_requests_update" AFTER UPDATE ON "Change"
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_pull_requests_changes_changed();
CREATE TRIGGER "ChangeDelivery_pull_requests_insert" AFTER INSERT ON "ChangeDelivery"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION keel_pull_requests_deliveries_added();
CREATE TRIGGER "ChangeDelivery_pull_requests_delete" AFTER DELETE ON "ChangeDelivery"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION keel_pull_requests_deliveries_changed();
CREATE TRIGGER "ChangeDelivery_pull_requests_update" AFTER UPDATE ON "ChangeDelivery"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION keel_pull_requests_deliveries_changed();

-- Existing data.
SELECT keel_refresh_pull_requests(array_agg(repository), array_agg("prNumber"), false)
FROM (SELECT DISTINCT repository, "prNumber" FROM "Change" WHERE "prNumber" IS NOT NULL) AS prs;
