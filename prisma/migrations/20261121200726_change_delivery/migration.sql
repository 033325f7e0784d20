-- CreateTable
CREATE TABLE "ChangeDelivery" (
    "changeId" UUID NOT NULL,
    "serviceId" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,
    "committedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ChangeDelivery_pkey" PRIMARY KEY ("changeId","serviceId","environmentId")
);

-- CreateIndex
CREATE INDEX "ChangeDelivery_environmentId_finishedAt_serviceId_committed_idx" ON "ChangeDelivery"("environmentId", "finishedAt", "serviceId", "committedAt", "changeId");

-- CreateIndex
CREATE INDEX "ChangeDelivery_serviceId_environmentId_finishedAt_committed_idx" ON "ChangeDelivery"("serviceId", "environmentId", "finishedAt", "committedAt", "changeId");

-- CreateIndex
CREATE INDEX "ChangeDelivery_deploymentId_idx" ON "ChangeDelivery"("deploymentId");

-- DropIndex
DROP INDEX "Deployment_serviceId_environmentId_status_finishedAt_idx";

-- CreateIndex
CREATE INDEX "Deployment_serviceId_environmentId_status_finishedAt_id_idx" ON "Deployment"("serviceId", "environmentId", "status", "finishedAt", "id");

-- ChangeDelivery is kept by the database, in the same transaction as every write that can move a
-- change's first delivery (new or removed links, a deployment's status, time, service or
-- environment, a change's commit time), whatever made the write: ingestion, the demo, imports.
-- Prisma does not manage functions and triggers, so they live here only.
--
-- Written without a literal semicolon inside any statement: Prisma's PostgreSQL driver adapter
-- runs a migration by splitting it on semicolons. SQL functions are therefore single statements,
-- and the trigger bodies (PL/pgSQL, which needs them) spell the semicolon as \073 in E'' strings.

-- Recomputes the rows of the given changes from DeploymentChange, Deployment and Change.
CREATE FUNCTION keel_refresh_change_delivery(change_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  WITH fresh AS (
    SELECT DISTINCT ON (dc."changeId", d."serviceId", d."environmentId")
           dc."changeId", d."serviceId", d."environmentId", d.id AS "deploymentId", d."finishedAt", c."committedAt"
    FROM "DeploymentChange" dc
    JOIN "Deployment" d ON d.id = dc."deploymentId"
    JOIN "Change" c ON c.id = dc."changeId"
    WHERE dc."changeId" = ANY (change_ids) AND d.status = 'success'
    ORDER BY dc."changeId", d."serviceId", d."environmentId", d."finishedAt", d.id
  ), gone AS (
    DELETE FROM "ChangeDelivery" cd
    WHERE cd."changeId" = ANY (change_ids)
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f."changeId" = cd."changeId" AND f."serviceId" = cd."serviceId" AND f."environmentId" = cd."environmentId")
  )
  INSERT INTO "ChangeDelivery" ("changeId", "serviceId", "environmentId", "deploymentId", "finishedAt", "committedAt")
  SELECT "changeId", "serviceId", "environmentId", "deploymentId", "finishedAt", "committedAt" FROM fresh
  ON CONFLICT ("changeId", "serviceId", "environmentId") DO UPDATE
    SET "deploymentId" = excluded."deploymentId", "finishedAt" = excluded."finishedAt", "committedAt" = excluded."committedAt"
$$;

-- New links: keep the earlier of the stored first delivery and the new one. The merge is
-- commutative, so concurrent batches shipping the same change agree.
CREATE FUNCTION keel_add_change_delivery(deployment_ids text[], change_ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ChangeDelivery" ("changeId", "serviceId", "environmentId", "deploymentId", "finishedAt", "committedAt")
  SELECT DISTINCT ON (l."changeId", d."serviceId", d."environmentId")
         l."changeId", d."serviceId", d."environmentId", d.id, d."finishedAt", c."committedAt"
  FROM unnest(deployment_ids, change_ids) AS l("deploymentId", "changeId")
  JOIN "Deployment" d ON d.id = l."deploymentId"
  JOIN "Change" c ON c.id = l."changeId"
  WHERE d.status = 'success'
  ORDER BY l."changeId", d."serviceId", d."environmentId", d."finishedAt", d.id
  ON CONFLICT ("changeId", "serviceId", "environmentId") DO UPDATE
    SET "deploymentId" = excluded."deploymentId", "finishedAt" = excluded."finishedAt", "committedAt" = excluded."committedAt"
    WHERE (excluded."finishedAt", excluded."deploymentId") < ("ChangeDelivery"."finishedAt", "ChangeDelivery"."deploymentId")
$$;

CREATE FUNCTION keel_change_delivery_links_added() RETURNS trigger LANGUAGE plpgsql AS
E'DECLARE ds text[]\073 cs uuid[]\073
BEGIN
  SELECT array_agg("deploymentId"), array_agg("changeId") INTO ds, cs FROM added\073
  PERFORM keel_add_change_delivery(ds, cs)\073
  RETURN NULL\073
END';

CREATE FUNCTION keel_change_delivery_links_removed() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  PERFORM keel_refresh_change_delivery(ARRAY(SELECT DISTINCT "changeId" FROM removed))\073
  RETURN NULL\073
END';

CREATE FUNCTION keel_change_delivery_links_moved() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  PERFORM keel_refresh_change_delivery(ARRAY(SELECT "changeId" FROM removed UNION SELECT "changeId" FROM added))\073
  RETURN NULL\073
END';

CREATE FUNCTION keel_change_delivery_deployments_changed() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  PERFORM keel_refresh_change_delivery(ARRAY(
    SELECT DISTINCT dc."changeId"
    FROM after_rows n
    JOIN before_rows o ON o.id = n.id
    JOIN "DeploymentChange" dc ON dc."deploymentId" = n.id
    WHERE (n.status, n."finishedAt", n."serviceId", n."environmentId") IS DISTINCT FROM (o.status, o."finishedAt", o."serviceId", o."environmentId")))\073
  RETURN NULL\073
END';

CREATE FUNCTION keel_change_delivery_changes_changed() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  UPDATE "ChangeDelivery" cd SET "committedAt" = n."committedAt"
  FROM after_rows n
  JOIN before_rows o ON o.id = n.id
  WHERE cd."changeId" = n.id AND n."committedAt" IS DISTINCT FROM o."committedAt"\073
  RETURN NULL\073
END';

CREATE TRIGGER "DeploymentChange_delivery_insert" AFTER INSERT ON "DeploymentChange"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION keel_change_delivery_links_added();
CREATE TRIGGER "DeploymentChange_delivery_delete" AFTER DELETE ON "DeploymentChange"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION keel_change_delivery_links_removed();
CREATE TRIGGER "DeploymentChange_delivery_update" AFTER UPDATE ON "DeploymentChange"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION keel_change_delivery_links_moved();
CREATE TRIGGER "Deployment_delivery_update" AFTER UPDATE ON "Deployment"
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_change_delivery_deployments_changed();
CREATE TRIGGER "Change_delivery_update" AFTER UPDATE ON "Change"
  REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows FOR EACH STATEMENT EXECUTE FUNCTION keel_change_delivery_changes_changed();

-- Existing data.
SELECT keel_refresh_change_delivery(ARRAY(SELECT DISTINCT "changeId" FROM "DeploymentChange"));
