-- CreateIndex
CREATE INDEX "Deployment_environmentId_kind_finishedAt_idx" ON "Deployment"("environmentId", "kind", "finishedAt");

-- CreateIndex
CREATE INDEX "Deployment_remediatesIncidentId_idx" ON "Deployment"("remediatesIncidentId");
