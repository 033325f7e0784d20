-- CreateTable
CREATE TABLE "EventState" (
    "key" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EventState_pkey" PRIMARY KEY ("key")
);

-- Until now the latest version of an event was its newest raw event (every new payload hash was
-- applied): start from there, so an identical resend of what is stored stays a no-op.
INSERT INTO "EventState" ("key", "hash", "updatedAt")
SELECT DISTINCT ON (k) k, h, "receivedAt"
FROM (
  SELECT left("dedupeKey", length("dedupeKey") - 33) AS k, right("dedupeKey", 32) AS h, id, "receivedAt"
  FROM "RawEvent"
  WHERE kind IN ('deployment', 'change', 'incident', 'build') AND "dedupeKey" LIKE kind || ':%'
) AS versions
ORDER BY k, id DESC;
