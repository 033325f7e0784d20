// What the webhook receiver tests share: the secrets their app is started with, the recorded
// vendor deliveries in test/fixtures/webhooks, and each vendor's delivery signed as it signs it.
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";

export const secrets = { github: "github-secret-for-tests", gitlab: "gitlab-token-for-tests", pagerduty: "pagerduty-secret-for-tests" };

/** A test app with every webhook receiver turned on. */
export const startWebhookApp = () => startTestApp({ webhookSecrets: secrets });

const FIXTURES = fileURLToPath(new URL("../../fixtures/webhooks/", import.meta.url));
/** A fixture's exact bytes: signatures are over the raw body. */
export const fixture = (file: string): Buffer => readFileSync(FIXTURES + file);
export const hmacHex = (secret: string, body: Buffer | string) => createHmac("sha256", secret).update(body).digest("hex");

export function postGithub(app: TestApp, kind: string, body: Buffer | string, options: { delivery?: string; signature?: string; contentType?: string } = {}) {
  const { delivery = randomUUID(), signature = `sha256=${hmacHex(secrets.github, body)}`, contentType = "application/json" } = options;
  return app.request("/webhooks/github", {
    method: "POST",
    body,
    token: null,
    headers: { "content-type": contentType, "x-github-event": kind, "x-github-delivery": delivery, "x-hub-signature-256": signature },
  });
}

export function postGitlab(app: TestApp, kind: string, body: Buffer | string, headers: Record<string, string> = {}) {
  return app.request("/webhooks/gitlab", {
    method: "POST",
    body,
    token: null,
    headers: { "content-type": "application/json", "x-gitlab-event": kind, "x-gitlab-token": secrets.gitlab, ...headers },
  });
}

export function postPagerduty(app: TestApp, body: Buffer | string, signature = `v1=${hmacHex(secrets.pagerduty, body)}`) {
  return app.request("/webhooks/pagerduty", {
    method: "POST",
    body,
    token: null,
    headers: { "content-type": "application/json", "x-pagerduty-signature": signature },
  });
}

/** The JSON error of api.md "Errors". */
export const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

export const rawEvent = (app: TestApp, dedupeKey: string) => app.database.prisma.rawEvent.findUniqueOrThrow({ where: { dedupeKey } });
