-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "alertChangeFailureRate" DOUBLE PRECISION NOT NULL DEFAULT 0.15,
ADD COLUMN     "alertHoursLost" DOUBLE PRECISION NOT NULL DEFAULT 40;

-- CreateTable
CREATE TABLE "AlertState" (
    "subscriptionId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL,
    "alertedAt" TIMESTAMPTZ(3),

    CONSTRAINT "AlertState_pkey" PRIMARY KEY ("subscriptionId","key")
);

-- AddForeignKey
ALTER TABLE "AlertState" ADD CONSTRAINT "AlertState_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
