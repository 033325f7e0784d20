-- AlterTable
ALTER TABLE "Change" ADD COLUMN     "revertsSha" TEXT;

-- CreateIndex
CREATE INDEX "Change_revertsSha_idx" ON "Change"("revertsSha");
