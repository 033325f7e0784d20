// POST /webhooks/github (api.md "Webhooks").
import { verifyGithubSignature } from "../../ingest/github/verify.ts";
import { parseJsonObject, requireHeader, sha256Hex, type WebhookReceiver } from "./receiveWebhook.ts";

export const githubReceiver: WebhookReceiver = {
  source: "github",
  setting: "KEEL_GITHUB_WEBHOOK_SECRET",
  verify: (secret, body, req) => verifyGithubSignature(secret, body, req.get("x-hub-signature-256")),
  read(body, req) {
    const kind = requireHeader(req, "X-GitHub-Event");
    // A webhook can be set to send application/x-www-form-urlencoded: the JSON is then the
    // `payload` form field (and the signature still covers the raw form body).
    const text = req.is("application/x-www-form-urlencoded") ? (new URLSearchParams(body.toString("utf8")).get("payload") ?? "") : body.toString("utf8");
    // X-GitHub-Delivery is the same when GitHub redelivers.
    return { kind, deliveryId: req.get("x-github-delivery")?.trim() || sha256Hex(body), payload: parseJsonObject(text) };
  },
};
