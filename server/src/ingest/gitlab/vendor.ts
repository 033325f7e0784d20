// GitLab webhooks (POST /webhooks/gitlab, api.md "Webhooks"): the secret token in X-Gitlab-Token
// (KEEL_GITLAB_WEBHOOK_TOKEN), the kind in X-Gitlab-Event.
import { bodyText, requireHeader, sha256Hex, type WebhookVendor } from "../webhookVendor.ts";
import { gitlabMappedKinds, mapGitlab } from "./map.ts";
import { verifyGitlabToken } from "./verify.ts";

export const gitlabVendor = {
  source: "gitlab",
  setting: "KEEL_GITLAB_WEBHOOK_TOKEN",
  verify: (secret, _body, req) => verifyGitlabToken(secret, req.get("x-gitlab-token")),
  jsonText: bodyText,
  identify: (_payload, body, req) => ({
    kind: requireHeader(req, "X-Gitlab-Event"),
    deliveryId: gitlabDeliveryId(body, req.get("idempotency-key"), req.get("x-gitlab-event-uuid")),
  }),
  mappedKinds: gitlabMappedKinds,
  map: mapGitlab,
} as const satisfies WebhookVendor;

/**
 * Idempotency-Key (GitLab 17.4+) stays the same across retries of one delivery. Older versions
 * send only X-Gitlab-Event-UUID, which recursive webhooks share (GitLab's docs), so it is paired
 * with a hash of the body; the oldest send neither, and the body's hash alone is the key.
 */
function gitlabDeliveryId(body: Buffer, idempotencyKey: string | undefined, eventUuid: string | undefined): string {
  if (idempotencyKey?.trim()) return idempotencyKey.trim();
  return eventUuid?.trim() ? `${eventUuid.trim()}:${sha256Hex(body)}` : sha256Hex(body);
}
