-- DropIndex
DROP INDEX "Deployment_environmentId_status_finishedAt_idx";

-- CreateIndex
CREATE INDEX "Deployment_environmentId_status_finishedAt_serviceId_kind_i_idx" ON "Deployment"("environmentId", "status", "finishedAt", "serviceId", "kind", "id", "remediatesIncidentId");
