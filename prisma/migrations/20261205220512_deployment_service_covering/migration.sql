-- The service-led deployment index also covers what the DORA metrics read of a team's or a
-- service's window deployments (kind, remediatesIncidentId, hasChanges), so those are read from the
-- index alone instead of one heap visit per deployment (docs/metrics.md, Benchmark results).

-- DropIndex
DROP INDEX "Deployment_serviceId_environmentId_status_finishedAt_id_idx";

-- CreateIndex
CREATE INDEX "Deployment_serviceId_environmentId_status_finishedAt_id_kin_idx" ON "Deployment"("serviceId", "environmentId", "status", "finishedAt", "id", "kind", "remediatesIncidentId", "hasChanges");
