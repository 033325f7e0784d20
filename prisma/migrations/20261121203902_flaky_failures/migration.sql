-- CreateTable
CREATE TABLE "FlakyFailure" (
    "resultId" BIGINT NOT NULL,
    "testCaseId" INTEGER NOT NULL,
    "commitSha" TEXT NOT NULL,
    "buildId" TEXT NOT NULL,
    "lastInAttempt" BOOLEAN NOT NULL,

    CONSTRAINT "FlakyFailure_pkey" PRIMARY KEY ("resultId")
);

-- CreateIndex
CREATE INDEX "FlakyFailure_testCaseId_commitSha_idx" ON "FlakyFailure"("testCaseId", "commitSha");

-- CreateIndex
CREATE INDEX "FlakyFailure_buildId_idx" ON "FlakyFailure"("buildId");

-- AddForeignKey
ALTER TABLE "FlakyFailure" ADD CONSTRAINT "FlakyFailure_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "TestResult"("id") ON DELETE CASCADE ON UPDATE CASCADE;
