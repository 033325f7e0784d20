-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "DeploymentStatus" AS ENUM ('success', 'failure', 'cancelled');

-- CreateEnum
CREATE TYPE "DeploymentKind" AS ENUM ('normal', 'rollback', 'hotfix');

-- CreateEnum
CREATE TYPE "BuildStatus" AS ENUM ('success', 'failure', 'cancelled');

-- CreateEnum
CREATE TYPE "TestStatus" AS ENUM ('passed', 'failed', 'error', 'skipped');

-- CreateEnum
CREATE TYPE "ChangeCategory" AS ENUM ('feature', 'debt', 'bug', 'unplanned', 'other');

-- CreateEnum
CREATE TYPE "CategorySource" AS ENUM ('explicit', 'label', 'prefix', 'none');

-- CreateEnum
CREATE TYPE "TokenScope" AS ENUM ('ingest', 'read', 'admin');

-- CreateTable
CREATE TABLE "Team" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "size" INTEGER,
    "debtTarget" DOUBLE PRECISION,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Team_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Service" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "teamId" UUID,
    "repository" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Service_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Environment" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Environment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Change" (
    "id" UUID NOT NULL,
    "sha" TEXT NOT NULL,
    "repository" TEXT NOT NULL DEFAULT '',
    "serviceId" UUID,
    "committedAt" TIMESTAMPTZ(3) NOT NULL,
    "authoredAt" TIMESTAMPTZ(3),
    "prNumber" INTEGER,
    "prOpenedAt" TIMESTAMPTZ(3),
    "prMergedAt" TIMESTAMPTZ(3),
    "category" "ChangeCategory" NOT NULL DEFAULT 'other',
    "categorySource" "CategorySource" NOT NULL DEFAULT 'none',
    "labels" TEXT[],
    "title" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Change_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL,
    "serviceId" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "teamId" UUID,
    "status" "DeploymentStatus" NOT NULL,
    "startedAt" TIMESTAMPTZ(3),
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,
    "commitSha" TEXT,
    "repository" TEXT,
    "kind" "DeploymentKind" NOT NULL DEFAULT 'normal',
    "rollbackOfDeploymentId" TEXT,
    "remediatesIncidentId" TEXT,
    "url" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeploymentChange" (
    "deploymentId" TEXT NOT NULL,
    "changeId" UUID NOT NULL,

    CONSTRAINT "DeploymentChange_pkey" PRIMARY KEY ("deploymentId","changeId")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "serviceId" UUID,
    "severity" TEXT,
    "title" TEXT,
    "openedAt" TIMESTAMPTZ(3) NOT NULL,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "resolvedAt" TIMESTAMPTZ(3),
    "causedByDeploymentId" TEXT,
    "causedByCommitSha" TEXT,
    "notCausedByChange" BOOLEAN NOT NULL DEFAULT false,
    "responders" INTEGER,
    "url" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Build" (
    "id" TEXT NOT NULL,
    "pipeline" TEXT NOT NULL,
    "serviceId" UUID,
    "repository" TEXT,
    "commitSha" TEXT NOT NULL,
    "branch" TEXT,
    "trigger" TEXT,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "status" "BuildStatus" NOT NULL,
    "queuedAt" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,
    "url" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Build_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestReport" (
    "id" SERIAL NOT NULL,
    "buildId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "tests" INTEGER NOT NULL,
    "passed" INTEGER NOT NULL,
    "failed" INTEGER NOT NULL,
    "errors" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL,
    "flakyRetries" INTEGER NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TestReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestCase" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "serviceId" UUID,
    "repository" TEXT,
    "suite" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "variant" TEXT NOT NULL DEFAULT '',
    "fixEffortHours" DOUBLE PRECISION,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TestCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TestResult" (
    "id" BIGSERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "testCaseId" INTEGER NOT NULL,
    "buildId" TEXT NOT NULL,
    "commitSha" TEXT NOT NULL,
    "status" "TestStatus" NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "retry" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TestResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RawEvent" (
    "id" BIGSERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" TIMESTAMPTZ(3),
    "note" TEXT,

    CONSTRAINT "RawEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scope" "TokenScope" NOT NULL,
    "hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMPTZ(3),
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "CostModelVersion" (
    "id" SERIAL NOT NULL,
    "scope" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "inputs" JSONB NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CostModelVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Team_slug_key" ON "Team"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Service_slug_key" ON "Service"("slug");

-- CreateIndex
CREATE INDEX "Service_teamId_idx" ON "Service"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "Environment_name_key" ON "Environment"("name");

-- CreateIndex
CREATE INDEX "Change_sha_idx" ON "Change"("sha");

-- CreateIndex
CREATE INDEX "Change_serviceId_committedAt_idx" ON "Change"("serviceId", "committedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Change_repository_sha_key" ON "Change"("repository", "sha");

-- CreateIndex
CREATE INDEX "Deployment_environmentId_status_finishedAt_idx" ON "Deployment"("environmentId", "status", "finishedAt");

-- CreateIndex
CREATE INDEX "Deployment_serviceId_environmentId_status_finishedAt_idx" ON "Deployment"("serviceId", "environmentId", "status", "finishedAt");

-- CreateIndex
CREATE INDEX "Deployment_commitSha_idx" ON "Deployment"("commitSha");

-- CreateIndex
CREATE INDEX "Deployment_rollbackOfDeploymentId_idx" ON "Deployment"("rollbackOfDeploymentId");

-- CreateIndex
CREATE INDEX "DeploymentChange_changeId_idx" ON "DeploymentChange"("changeId");

-- CreateIndex
CREATE INDEX "Incident_serviceId_openedAt_idx" ON "Incident"("serviceId", "openedAt");

-- CreateIndex
CREATE INDEX "Incident_resolvedAt_idx" ON "Incident"("resolvedAt");

-- CreateIndex
CREATE INDEX "Incident_causedByDeploymentId_idx" ON "Incident"("causedByDeploymentId");

-- CreateIndex
CREATE INDEX "Incident_causedByCommitSha_idx" ON "Incident"("causedByCommitSha");

-- CreateIndex
CREATE INDEX "Build_commitSha_pipeline_attempt_idx" ON "Build"("commitSha", "pipeline", "attempt");

-- CreateIndex
CREATE INDEX "Build_serviceId_finishedAt_idx" ON "Build"("serviceId", "finishedAt");

-- CreateIndex
CREATE UNIQUE INDEX "TestReport_buildId_name_key" ON "TestReport"("buildId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "TestCase_key_key" ON "TestCase"("key");

-- CreateIndex
CREATE INDEX "TestResult_reportId_idx" ON "TestResult"("reportId");

-- CreateIndex
CREATE INDEX "TestResult_testCaseId_commitSha_idx" ON "TestResult"("testCaseId", "commitSha");

-- CreateIndex
CREATE INDEX "TestResult_buildId_idx" ON "TestResult"("buildId");

-- CreateIndex
CREATE UNIQUE INDEX "RawEvent_dedupeKey_key" ON "RawEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "RawEvent_processedAt_idx" ON "RawEvent"("processedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_hash_key" ON "ApiToken"("hash");

-- CreateIndex
CREATE UNIQUE INDEX "CostModelVersion_scope_version_key" ON "CostModelVersion"("scope", "version");

-- AddForeignKey
ALTER TABLE "Service" ADD CONSTRAINT "Service_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentChange" ADD CONSTRAINT "DeploymentChange_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentChange" ADD CONSTRAINT "DeploymentChange_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "Change"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestReport" ADD CONSTRAINT "TestReport_buildId_fkey" FOREIGN KEY ("buildId") REFERENCES "Build"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestResult" ADD CONSTRAINT "TestResult_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "TestReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TestResult" ADD CONSTRAINT "TestResult_testCaseId_fkey" FOREIGN KEY ("testCaseId") REFERENCES "TestCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
