// POST /webhooks/pagerduty (api.md "Webhooks"): PagerDuty v3 webhook subscriptions.
import { DeliveryEnvelope } from "../../ingest/pagerduty/payloadTypes.ts";
import { verifyPagerdutySignature } from "../../ingest/pagerduty/verify.ts";
import { parseJsonObject, sha256Hex, type WebhookReceiver } from "./receiveWebhook.ts";

export const pagerdutyReceiver: WebhookReceiver = {
  source: "pagerduty",
  setting: "KEEL_PAGERDUTY_WEBHOOK_SECRET",
  verify: (secret, body, req) => verifyPagerdutySignature(secret, body, req.get("x-pagerduty-signature")),
  read(body) {
    const payload = parseJsonObject(body.toString("utf8"));
    // The kind and the delivery's id are inside the payload; event.id is the same on a retry.
    const envelope = DeliveryEnvelope.safeParse(payload);
    const event = envelope.success ? envelope.data.event : {};
    return { kind: event.event_type ?? "unknown", deliveryId: event.id ?? sha256Hex(body), payload };
  },
};
