-- DropIndex
DROP INDEX "Deployment_rollbackOfDeploymentId_idx";

-- CreateIndex
CREATE INDEX "Deployment_rollbackOfDeploymentId_finishedAt_idx" ON "Deployment"("rollbackOfDeploymentId", "finishedAt");
