// GET /api/v1/webhooks and tRPC webhooks.status: each webhook's URL to paste, whether its secret is
// set, its last delivery and the last 24 hours' deliveries and failures, from real signed
// deliveries through the webhook endpoint and the queue that processes them.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { WebhookStatusListData } from "@keel/shared/outputs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createToken } from "../../server/src/services/tokens.ts";
import { signInAs, startTestApp, type TestApp } from "../support/httpApp.ts";
import { postGithubWebhook } from "../support/webhookDeliveries.ts";

const secret = "github-secret-for-status";
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ webhookSecrets: { github: secret } });
});
afterAll(() => app?.close());

const fixture = (file: string) => readFileSync(fileURLToPath(new URL(`../fixtures/webhooks/${file}`, import.meta.url)));

async function deliver(kind: string, body: Buffer | string): Promise<void> {
  const res = await postGithubWebhook(app, secret, kind, body);
  expect(res.status).toBeLessThan(300);
  await app.webhookQueue.idle();
}

type Status = WebhookStatusListData;
const statusOf = async (): Promise<Status> => {
  const res = await app.request("/api/v1/webhooks");
  expect(res.status).toBe(200);
  return (await res.json()) as Status;
};

describe("webhook status", () => {
  test("before any delivery: the URL to paste from the request's origin, which secrets are set, nothing received", async () => {
    expect(await statusOf()).toEqual({
      webhooks: [
        { vendor: "github", url: `${app.url}/webhooks/github`, secretSet: true, lastDelivery: null, deliveriesLast24h: 0, failuresLast24h: 0 },
        { vendor: "gitlab", url: `${app.url}/webhooks/gitlab`, secretSet: false, lastDelivery: null, deliveriesLast24h: 0, failuresLast24h: 0 },
        { vendor: "pagerduty", url: `${app.url}/webhooks/pagerduty`, secretSet: false, lastDelivery: null, deliveriesLast24h: 0, failuresLast24h: 0 },
      ],
    });
  });

  test("deliveries of the last 24 hours and their failures; older ones and recorded events do not count", async () => {
    await deliver("deployment_status", fixture("github/deployment_status.json"));
    // Two days old, failed: outside the window.
    await app.database.prisma.rawEvent.create({
      data: {
        source: "github",
        kind: "push",
        dedupeKey: "github:old-delivery",
        payload: {},
        receivedAt: new Date(Date.now() - 2 * 86_400_000),
        processedAt: new Date(),
        note: "failed: old",
      },
    });
    let github = (await statusOf()).webhooks[0]!;
    expect(github).toMatchObject({ deliveriesLast24h: 1, failuresLast24h: 0, lastDelivery: { kind: "deployment_status", outcome: "processed" } });
    // A payload the adapter cannot read: stored, processed, failed.
    await deliver("deployment_status", JSON.stringify({ deployment_status: { state: 42 } }));
    github = (await statusOf()).webhooks[0]!;
    expect(github).toMatchObject({ deliveriesLast24h: 2, failuresLast24h: 1, lastDelivery: { kind: "deployment_status", outcome: "failed" } });
    expect(github.lastDelivery?.note).toContain("payload not understood");
    expect(Date.now() - Date.parse(github.lastDelivery!.at)).toBeLessThan(60_000);
  });

  test("admin only: a read token is refused; an admin's session reads it over tRPC with the same answer", async () => {
    const read = await createToken({ db: app.database.prisma, input: { name: "grafana", scope: "read" } });
    expect((await app.request("/api/v1/webhooks", { token: read.token })).status).toBe(403);
    const viewer = await signInAs(app, "viewer");
    expect((await app.request("/trpc/webhooks.status", { token: null, headers: { cookie: viewer.cookie } })).status).toBe(403);
    const admin = await signInAs(app, "admin");
    const res = await app.request("/trpc/webhooks.status", { token: null, headers: { cookie: admin.cookie } });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: { data: unknown } }).result.data).toEqual(await statusOf());
  });

  test("the secrets themselves are never in the answer", async () => {
    expect(JSON.stringify(await statusOf())).not.toContain(secret);
  });
});
