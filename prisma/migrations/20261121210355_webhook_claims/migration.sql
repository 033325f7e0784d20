-- AlterTable
ALTER TABLE "RawEvent" ADD COLUMN     "claimedAt" TIMESTAMPTZ(3),
ADD COLUMN     "claimedBy" TEXT;
