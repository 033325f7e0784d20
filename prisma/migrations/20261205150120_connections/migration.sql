-- CreateEnum
CREATE TYPE "ConnectionKind" AS ENUM ('github', 'gitlab', 'pagerduty');

-- CreateEnum
CREATE TYPE "ConnectionStatus" AS ENUM ('idle', 'syncing', 'failed');

-- CreateTable
CREATE TABLE "Connection" (
    "id" UUID NOT NULL,
    "kind" "ConnectionKind" NOT NULL,
    "config" JSONB NOT NULL,
    "sealedToken" TEXT NOT NULL,
    "status" "ConnectionStatus" NOT NULL DEFAULT 'idle',
    "lastSyncAt" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "progress" JSONB,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "syncRequestedAt" TIMESTAMPTZ(3),
    "claimedBy" TEXT,
    "claimedUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Connection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConnectionCursor" (
    "connectionId" UUID NOT NULL,
    "resource" TEXT NOT NULL,
    "cursor" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConnectionCursor_pkey" PRIMARY KEY ("connectionId","resource")
);

-- AddForeignKey
ALTER TABLE "ConnectionCursor" ADD CONSTRAINT "ConnectionCursor_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
