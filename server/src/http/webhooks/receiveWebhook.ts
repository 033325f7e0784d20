// The shared shape of a webhook endpoint: read the raw body (signatures cover the exact bytes),
// verify, parse, store the delivery as a RawEvent under its dedupe key (or, while the embedded
// database is busy, in the spool: services/webhookSpool.ts), answer. The answer never
// waits for mapping: that runs after it, from the stored row, so a delivery is never lost.
import { toStorableText } from "@keel/shared";
import express, { type RequestHandler } from "express";
import type { Db } from "../../db/client.ts";
import { KeelError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { WebhookVendor } from "../../ingest/webhookVendor.ts";
import type { WebhookQueue } from "../../services/webhookQueue.ts";
import { storeDelivery } from "../../services/webhookSpool.ts";
import { assertDepth } from "../validate.ts";

export const MAX_DELIVERY_ID_LENGTH = 200;

const rawBody = express.raw({ type: () => true, limit: "5mb" });

export function webhookEndpoint(
  vendor: WebhookVendor,
  secret: string | undefined,
  { db, queue }: { db: Db; queue?: WebhookQueue | undefined },
): RequestHandler[] {
  const { source, setting, mappedKinds } = vendor;
  const enabled: RequestHandler = (req, _res, next) => {
    if (secret) return next();
    next(new KeelError("NOT_FOUND", `${req.method} ${req.originalUrl} is off: set ${setting} to turn it on.`));
  };
  const receive: RequestHandler = async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (!secret || !vendor.verify(secret, body, req)) throw new KeelError("UNAUTHORIZED", "The webhook signature is missing or wrong.");
    const payload = parseJsonObject(vendor.jsonText(body, req));
    const { kind, deliveryId } = vendor.identify(payload, body, req);
    // Vendors' ids are UUIDs or short hashes; a longer one cannot be a real delivery (and would not fit the dedupe index).
    if (deliveryId.length > MAX_DELIVERY_ID_LENGTH) {
      throw new KeelError("VALIDATION_FAILED", `The delivery id is longer than ${MAX_DELIVERY_ID_LENGTH} characters.`);
    }
    const mapped = mappedKinds.has(kind);
    const note = mapped ? null : `ignored: ${kind}`;
    const receivedAt = new Date();
    const row = { source, kind, dedupeKey: `${source}:${deliveryId}`, payload, receivedAt, processedAt: mapped ? null : receivedAt, note };
    const outcome = await storeDelivery(db, row, queue?.spool);
    if (outcome === "duplicate") {
      res.status(200).json({ status: "duplicate" });
      return;
    }
    if (!mapped) {
      res.status(202).json({ status: "ignored", note });
      return;
    }
    res.status(202).json({ status: "queued" });
    queue?.kick();
  };
  return [enabled, rawBody, receive];
}

/** Deeper than any vendor's payload (GitHub's are under 10 levels); deeper is refused. */
export const MAX_WEBHOOK_DEPTH = 64;

function parseJsonObject(text: string): Prisma.InputJsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new KeelError("VALIDATION_FAILED", "The webhook body is not valid JSON.");
  }
  if (!isJsonObject(value)) throw new KeelError("VALIDATION_FAILED", "The webhook body must be a JSON object.");
  assertDepth(value, MAX_WEBHOOK_DEPTH);
  return storableJson(value) as Prisma.InputJsonObject;
}

/**
 * The payload with every string (keys too) made storable in jsonb: a commit message with a NUL
 * or a broken surrogate pair must not cost the whole delivery, which the vendor signed and
 * cannot fix. Only those characters change (to U+FFFD); the depth is already bounded.
 */
function storableJson(value: unknown): unknown {
  if (typeof value === "string") return toStorableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [toStorableText(key), storableJson(child)]));
  }
  return value;
}

// JSON.parse only ever produces JSON values, so an object from it is a JSON object.
function isJsonObject(value: unknown): value is Prisma.InputJsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
