// What a webhook vendor is to Keel, in one place: the setting that turns its endpoint on, how a
// delivery is verified and named, which event kinds it maps and the pure mapping. Each vendor is
// one folder (ingest/<vendor>/vendor.ts) and one line in webhookVendors.ts; the HTTP endpoint
// (http/webhooks/receiveWebhook.ts) and the processor (services/processRawEvents.ts) read only this.
import { createHash } from "node:crypto";
import { KeelError } from "../errors.ts";
import type { MapResult } from "./mapResult.ts";

/** The parts of an HTTP request a vendor reads (Express's Request has them). */
export interface DeliveryRequest {
  get(name: string): string | undefined;
  is(type: string): string | false | null;
}

export interface WebhookVendor {
  /** The endpoint's path under /webhooks and RawEvent.source. */
  source: string;
  /** The setting holding the secret; the endpoint is off (404, naming it) while it is unset. */
  setting: string;
  verify(secret: string, body: Buffer, req: DeliveryRequest): boolean;
  /** The JSON text of the payload: the body itself unless the vendor wraps it. */
  jsonText(body: Buffer, req: DeliveryRequest): string;
  /** The event kind and the vendor's id for the delivery (the same on a redelivery), else a hash of the body. */
  identify(payload: Record<string, unknown>, body: Buffer, req: DeliveryRequest): { kind: string; deliveryId: string };
  /** Kinds with a mapping; any other kind is stored as ignored. */
  mappedKinds: ReadonlySet<string>;
  /** `receivedAt`: when Keel received the delivery, for payloads that carry no time of their own. */
  map(kind: string, payload: unknown, receivedAt: string): MapResult;
}

export const bodyText = (body: Buffer): string => body.toString("utf8");

export function sha256Hex(body: Buffer): string {
  return createHash("sha256").update(body).digest("hex");
}

export function requireHeader(req: DeliveryRequest, name: string): string {
  const value = req.get(name)?.trim();
  if (!value) throw new KeelError("VALIDATION_FAILED", `The ${name} header is missing.`);
  return value;
}
