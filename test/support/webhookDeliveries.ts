// Signed webhook deliveries as GitHub and GitLab send them, to a test app's real routes.
import { createHmac, randomUUID } from "node:crypto";
import type { TestApp } from "./httpApp.ts";

/** A GitHub delivery of `kind`, signed with `secret` (X-Hub-Signature-256 over the exact body). */
export function postGithubWebhook(app: TestApp, secret: string, kind: string, body: Buffer | string, delivery: string = randomUUID()): Promise<Response> {
  return app.request("/webhooks/github", {
    method: "POST",
    body,
    token: null,
    headers: {
      "content-type": "application/json",
      "x-github-event": kind,
      "x-github-delivery": delivery,
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
  });
}

/** A GitLab delivery of `kind` (the X-Gitlab-Event header), with its token and event UUID. */
export function postGitlabWebhook(app: TestApp, token: string, kind: string, body: Buffer | string, eventUuid: string = randomUUID()): Promise<Response> {
  return app.request("/webhooks/gitlab", {
    method: "POST",
    body,
    token: null,
    headers: { "content-type": "application/json", "x-gitlab-event": kind, "x-gitlab-token": token, "x-gitlab-event-uuid": eventUuid },
  });
}
