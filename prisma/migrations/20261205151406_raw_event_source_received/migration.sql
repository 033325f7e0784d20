-- CreateIndex
CREATE INDEX "RawEvent_source_receivedAt_idx" ON "RawEvent"("source", "receivedAt");
