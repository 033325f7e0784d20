// PagerDuty v3 webhook subscriptions (POST /webhooks/pagerduty, api.md "Webhooks"): signed with
// KEEL_PAGERDUTY_WEBHOOK_SECRET; the kind and the delivery's id are inside the payload (event.id is
// the same on a retry).
import { bodyText, sha256Hex, type WebhookVendor } from "../webhookVendor.ts";
import { mapPagerduty, pagerdutyMappedKinds } from "./map.ts";
import { DeliveryEnvelope } from "./payloadTypes.ts";
import { verifyPagerdutySignature } from "./verify.ts";

export const pagerdutyVendor = {
  source: "pagerduty",
  setting: "KEEL_PAGERDUTY_WEBHOOK_SECRET",
  verify: (secret, body, req) => verifyPagerdutySignature(secret, body, req.get("x-pagerduty-signature")),
  jsonText: bodyText,
  identify(payload, body) {
    const envelope = DeliveryEnvelope.safeParse(payload);
    const event = envelope.success ? envelope.data.event : {};
    return { kind: event.event_type ?? "unknown", deliveryId: event.id ?? sha256Hex(body) };
  },
  mappedKinds: pagerdutyMappedKinds,
  // PagerDuty payloads name their own kind (event.event_type).
  map: (_kind, payload) => mapPagerduty(payload),
} as const satisfies WebhookVendor;
