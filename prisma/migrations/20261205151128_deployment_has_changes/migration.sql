-- Deployment.hasChanges: whether any DeploymentChange links the deployment. The DORA data-quality
-- count "deployments without commits" reads it from the window's covering index instead of
-- probing DeploymentChange once per deployment in the window (dataQuality.ts).

-- DropIndex
DROP INDEX "Deployment_environmentId_status_finishedAt_serviceId_kind_i_idx";

-- AlterTable
ALTER TABLE "Deployment" ADD COLUMN     "hasChanges" BOOLEAN NOT NULL DEFAULT false;

-- Existing data.
UPDATE "Deployment" d SET "hasChanges" = true WHERE EXISTS (SELECT 1 FROM "DeploymentChange" dc WHERE dc."deploymentId" = d.id);

-- CreateIndex
CREATE INDEX "Deployment_environmentId_status_finishedAt_serviceId_kind_i_idx" ON "Deployment"("environmentId", "status", "finishedAt", "serviceId", "kind", "id", "remediatesIncidentId", "hasChanges");

-- Kept by the database in the same transaction as every write to DeploymentChange, whatever made
-- it (ingestion, the demo, imports), as ChangeDelivery is (migration change_delivery, which also
-- explains the \073 for semicolons). Prisma does not manage functions and triggers: they live here.
CREATE FUNCTION keel_deployment_has_changes(deployment_ids text[]) RETURNS void LANGUAGE sql AS $$
  UPDATE "Deployment" d SET "hasChanges" = EXISTS (SELECT 1 FROM "DeploymentChange" dc WHERE dc."deploymentId" = d.id)
  WHERE d.id = ANY (deployment_ids)
    AND d."hasChanges" IS DISTINCT FROM EXISTS (SELECT 1 FROM "DeploymentChange" dc WHERE dc."deploymentId" = d.id)
$$;

CREATE FUNCTION keel_deployment_links_added() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  UPDATE "Deployment" d SET "hasChanges" = true WHERE d.id IN (SELECT "deploymentId" FROM added) AND NOT d."hasChanges"\073
  RETURN NULL\073
END';

CREATE FUNCTION keel_deployment_links_removed() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  PERFORM keel_deployment_has_changes(ARRAY(SELECT DISTINCT "deploymentId" FROM removed))\073
  RETURN NULL\073
END';

CREATE FUNCTION keel_deployment_links_moved() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  PERFORM keel_deployment_has_changes(ARRAY(SELECT "deploymentId" FROM removed UNION SELECT "deploymentId" FROM added))\073
  RETURN NULL\073
END';

CREATE TRIGGER "DeploymentChange_has_changes_insert" AFTER INSERT ON "DeploymentChange"
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION keel_deployment_links_added();
CREATE TRIGGER "DeploymentChange_has_changes_delete" AFTER DELETE ON "DeploymentChange"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION keel_deployment_links_removed();
CREATE TRIGGER "DeploymentChange_has_changes_update" AFTER UPDATE ON "DeploymentChange"
  REFERENCING OLD TABLE AS removed NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION keel_deployment_links_moved();
