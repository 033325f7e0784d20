// Turns stored webhook deliveries into Keel events: oldest first, one at a time (PGlite has one
// connection). Each delivery is claimed first (db/queries/webhookClaims.ts), so instances sharing
// a database never process the same one; then mapped by its source's pure adapter, validated with
// the shared schemas and recorded; then marked processed with a note saying what came of it.
// Nothing is thrown away: the raw payload stays, and a note names whatever was dropped or failed,
// so a delivery can be replayed by clearing its processedAt.
import { AnyEvent, type AnyEventData, type AnyEventInput } from "@keel/shared";
import type { Db } from "../db/client.ts";
import { claimPendingDelivery, finishDelivery, renewClaim, type ClaimedDelivery } from "../db/queries/webhookClaims.ts";
import { formatPath } from "../errors.ts";
import type { Prisma } from "../generated/prisma/client.ts";
import { isTimestamp, type MapResult, type PullRequestReviewInput } from "../ingest/mapResult.ts";
import { isWebhookSource, vendorOf, WEBHOOK_SOURCES } from "../ingest/webhookVendors.ts";
import type { Logger } from "../logger.ts";
import { recordEvents, type RecordResult } from "./recordEvents.ts";
import { recordReviews } from "./recordReviews.ts";

const MAX_NOTE_LENGTH = 4_000;
const RECORD_CHUNK = 25;
/** How long a claim holds without renewal; renewed every RENEW_MS while a delivery is recorded. */
export const CLAIM_LEASE_SECONDS = 300;
const RENEW_MS = 60_000;

/** Webhook deliveries stored but not yet processed. */
export const pendingWebhookEvents = {
  processedAt: null,
  source: { in: [...WEBHOOK_SOURCES] },
} satisfies Prisma.RawEventWhereInput;

export interface ProcessOptions {
  db: Db;
  logger: Logger;
  /** This process's name on its claims (webhookQueue makes one per queue). */
  instance: string;
  /** Checked between deliveries: the one in flight always finishes. */
  shouldStop?: () => boolean;
}

/** Processes pending deliveries until none is left (or asked to stop); returns how many. */
export async function processPendingRawEvents({ db, logger, instance, shouldStop = () => false }: ProcessOptions): Promise<number> {
  let processed = 0;
  while (!shouldStop()) {
    await yieldToEventLoop();
    const row = await claimPendingDelivery(db, { instance, sources: WEBHOOK_SOURCES, leaseSeconds: CLAIM_LEASE_SECONDS });
    if (!row) break;
    await yieldToEventLoop();
    const note = await outcome(db, row, logger, claimKeeper(db, row.id, instance));
    // Another instance took the delivery over (this one stalled past the lease): it finishes it.
    if (note === undefined) continue;
    await finishDelivery(db, row.id, note.slice(0, MAX_NOTE_LENGTH));
    processed++;
  }
  return processed;
}

/** Renews the claim when it is due; false once it has been lost. */
function claimKeeper(db: Db, id: bigint, instance: string): () => Promise<boolean> {
  let renewed = Date.now();
  return async () => {
    if (Date.now() - renewed < RENEW_MS) return true;
    renewed = Date.now();
    return renewClaim(db, id, instance);
  };
}

/** The note for a processed delivery; undefined when the claim was lost on the way. */
async function outcome(db: Db, row: ClaimedDelivery, logger: Logger, keepClaim: () => Promise<boolean>): Promise<string | undefined> {
  if (!isWebhookSource(row.source)) return `failed: no adapter for source "${row.source}"`;
  let mapped: MapResult;
  try {
    mapped = vendorOf(row.source).map(row.kind, row.payload, row.receivedAt.toISOString());
  } catch (error) {
    logger.error({ err: error, rawEventId: String(row.id), source: row.source, kind: row.kind }, "webhook adapter failed");
    return `failed: the ${row.source} adapter threw: ${messageOf(error)}`;
  }
  const valid: AnyEventData[] = [];
  const invalid: string[] = [];
  for (const event of mapped.events) {
    const parsed = AnyEvent.safeParse(event);
    if (parsed.success) valid.push(parsed.data);
    else invalid.push(`${describe(event)}: ${parsed.error.issues.map((i) => `${formatPath(i.path)} ${i.message}`).join(", ")}`);
  }
  await yieldToEventLoop();
  const parts: string[] = [];
  if (valid.length) {
    try {
      const counts = await recordInChunks(
        db,
        await keepAcknowledgements(db, valid),
        { source: row.source, occurredAt: isTimestamp(mapped.occurredAt) ? mapped.occurredAt : undefined },
        keepClaim,
      );
      if (!counts) return undefined;
      parts.push(`recorded ${counts.accepted} (created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged})`);
    } catch (error) {
      logger.warn({ err: error, rawEventId: String(row.id), source: row.source, kind: row.kind }, "recording webhook events failed");
      parts.push(`failed: ${messageOf(error)}`);
    }
  } else if (!mapped.reviews?.length) {
    parts.push("recorded 0");
  }
  if (mapped.reviews?.length) parts.push(await reviewsOutcome(db, row, logger, mapped.reviews));
  if (mapped.dropped.length) parts.push(`dropped ${mapped.dropped.length}: ${mapped.dropped.join("; ")}`);
  if (invalid.length) parts.push(`invalid ${invalid.length}: ${invalid.join("; ")}`);
  return parts.join("; ");
}

async function reviewsOutcome(db: Db, row: ClaimedDelivery, logger: Logger, reviews: PullRequestReviewInput[]): Promise<string> {
  try {
    const counts = await recordReviews(db, reviews);
    const which = reviews.map((r) => `${r.repository}#${r.prNumber} at ${r.reviewedAt}`).join(", ");
    return `recorded ${counts.accepted} review${counts.accepted === 1 ? "" : "s"} (${which}; first review created ${counts.created}, moved earlier ${counts.updated}, unchanged ${counts.unchanged})`;
  } catch (error) {
    logger.warn({ err: error, rawEventId: String(row.id), source: row.source, kind: row.kind }, "recording webhook reviews failed");
    return `failed: ${messageOf(error)}`;
  }
}

/**
 * A GitHub push can list 2,048 commits. On PGlite every other query, the next webhook's insert
 * included, waits for the transaction in flight, and nothing else runs until it ends (see
 * yieldToEventLoop), so a delivery's events are recorded in small chunks with a turn of the event
 * loop between them. recordEvents is idempotent: a delivery cut short by a crash is simply
 * processed again, and its recorded chunks come out unchanged.
 */
async function recordInChunks(db: Db, events: AnyEventData[], origin: Origin, keepClaim: () => Promise<boolean>): Promise<RecordResult | undefined> {
  const total: RecordResult = { accepted: 0, created: 0, updated: 0, unchanged: 0 };
  for (let start = 0; start < events.length; start += RECORD_CHUNK) {
    if (start > 0) await yieldToEventLoop();
    if (!(await keepClaim())) return undefined;
    const counts = await recordTwice(db, events.slice(start, start + RECORD_CHUNK), origin);
    total.accepted += counts.accepted;
    total.created += counts.created;
    total.updated += counts.updated;
    total.unchanged += counts.unchanged;
  }
  return total;
}

/** Where a delivery's events come from, and the vendor's time of the state they describe. */
interface Origin {
  source: string;
  occurredAt: string | undefined;
}

/** One retry covers a transient conflict with a concurrent ingestion of the same change. */
async function recordTwice(db: Db, events: AnyEventData[], origin: Origin): Promise<RecordResult> {
  try {
    return await recordEvents({ db, events, ...origin });
  } catch {
    return recordEvents({ db, events, ...origin });
  }
}

/**
 * An incident update replaces the stored incident, and a vendor's later event (PagerDuty's
 * incident.resolved) does not repeat when it was acknowledged: keep the acknowledgement Keel
 * already has rather than clear it.
 */
async function keepAcknowledgements(db: Db, events: AnyEventData[]): Promise<AnyEventData[]> {
  const ids = events.flatMap((e) => (e.type === "incident" && !e.acknowledgedAt ? [e.id] : []));
  if (!ids.length) return events;
  const known = new Map(
    (await db.incident.findMany({ where: { id: { in: ids }, acknowledgedAt: { not: null } }, select: { id: true, acknowledgedAt: true } })).map((row) => [
      row.id,
      row.acknowledgedAt?.toISOString(),
    ]),
  );
  return events.map((e) => (e.type === "incident" && !e.acknowledgedAt && known.get(e.id) ? { ...e, acknowledgedAt: known.get(e.id) } : e));
}

/**
 * PGlite runs on this thread and its queries resolve as microtasks, so a chain of them never lets
 * the event loop reach I/O: webhook requests would not even be read until processing ended.
 * A macrotask turn between steps lets them in.
 */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function describe(event: AnyEventInput): string {
  return event.type === "change" ? `change ${event.sha}` : `${event.type} ${event.id}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
