-- AlterTable
ALTER TABLE "Change" ADD COLUMN     "prFirstReviewAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Change_repository_prNumber_idx" ON "Change"("repository", "prNumber");

-- CreateIndex
CREATE INDEX "Change_prMergedAt_idx" ON "Change"("prMergedAt");
