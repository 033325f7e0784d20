// GitHub webhooks (POST /webhooks/github, api.md "Webhooks"): signed with KEEL_GITHUB_WEBHOOK_SECRET,
// the kind in X-GitHub-Event, the delivery's id in X-GitHub-Delivery (the same when GitHub redelivers).
import { requireHeader, sha256Hex, type WebhookVendor } from "../webhookVendor.ts";
import { githubMappedKinds, mapGithub } from "./map.ts";
import { verifyGithubSignature } from "./verify.ts";

export const githubVendor = {
  source: "github",
  setting: "KEEL_GITHUB_WEBHOOK_SECRET",
  verify: (secret, body, req) => verifyGithubSignature(secret, body, req.get("x-hub-signature-256")),
  // A webhook can be set to send application/x-www-form-urlencoded: the JSON is then the `payload`
  // form field (and the signature still covers the raw form body).
  jsonText: (body, req) =>
    req.is("application/x-www-form-urlencoded") ? (new URLSearchParams(body.toString("utf8")).get("payload") ?? "") : body.toString("utf8"),
  identify: (_payload, body, req) => ({ kind: requireHeader(req, "X-GitHub-Event"), deliveryId: req.get("x-github-delivery")?.trim() || sha256Hex(body) }),
  mappedKinds: githubMappedKinds,
  map: (kind, payload) => mapGithub(kind, payload),
} as const satisfies WebhookVendor;
