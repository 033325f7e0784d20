// POST /webhooks/gitlab (api.md "Webhooks").
import { verifyGitlabToken } from "../../ingest/gitlab/verify.ts";
import { parseJsonObject, requireHeader, sha256Hex, type WebhookReceiver } from "./receiveWebhook.ts";

export const gitlabReceiver: WebhookReceiver = {
  source: "gitlab",
  setting: "KEEL_GITLAB_WEBHOOK_TOKEN",
  verify: (secret, _body, req) => verifyGitlabToken(secret, req.get("x-gitlab-token")),
  read(body, req) {
    const kind = requireHeader(req, "X-Gitlab-Event");
    return {
      kind,
      deliveryId: gitlabDeliveryId(body, req.get("idempotency-key"), req.get("x-gitlab-event-uuid")),
      payload: parseJsonObject(body.toString("utf8")),
    };
  },
};

/**
 * Idempotency-Key (GitLab 17.4+) stays the same across retries of one delivery. Older versions
 * send only X-Gitlab-Event-UUID, which recursive webhooks share (GitLab's docs), so it is paired
 * with a hash of the body; the oldest send neither, and the body's hash alone is the key.
 */
export function gitlabDeliveryId(body: Buffer, idempotencyKey: string | undefined, eventUuid: string | undefined): string {
  if (idempotencyKey?.trim()) return idempotencyKey.trim();
  return eventUuid?.trim() ? `${eventUuid.trim()}:${sha256Hex(body)}` : sha256Hex(body);
}
