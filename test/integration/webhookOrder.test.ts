// Webhook deliveries arrive out of order: each vendor's own event time decides which state is the
// latest, and an older state never overwrites a newer one. A return to an earlier state (an issue
// reopened) is applied. Real payload shapes from test/fixtures/webhooks, with times and states set.
import { createHmac, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../support/httpApp.ts";

const secrets = { github: "github-secret-for-tests", gitlab: "gitlab-token-for-tests", pagerduty: "pagerduty-secret-for-tests" };
const FIXTURES = fileURLToPath(new URL("../fixtures/webhooks/", import.meta.url));
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- vendor payloads, edited field by field
type Json = any;
const fixture = (file: string): Json => JSON.parse(readFileSync(FIXTURES + file, "utf8"));
const hmacHex = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("hex");

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ webhookSecrets: secrets });
});
afterAll(() => app.close());

/** Posts one delivery and waits until it is processed. */
async function deliver(source: "github" | "gitlab" | "pagerduty", kind: string, payload: Json): Promise<void> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (source === "github")
    Object.assign(headers, { "x-github-event": kind, "x-github-delivery": randomUUID(), "x-hub-signature-256": `sha256=${hmacHex(secrets.github, body)}` });
  if (source === "gitlab") Object.assign(headers, { "x-gitlab-event": kind, "x-gitlab-token": secrets.gitlab });
  if (source === "pagerduty") Object.assign(headers, { "x-pagerduty-signature": `v1=${hmacHex(secrets.pagerduty, body)}` });
  const res = await app.request(`/webhooks/${source}`, { method: "POST", body, token: null, headers });
  expect(res.status).toBe(202);
  await app.webhookQueue.idle();
}

const incident = (id: string) => app.database.prisma.incident.findUniqueOrThrow({ where: { id } });
const deployment = (id: string) => app.database.prisma.deployment.findUniqueOrThrow({ where: { id } });

describe("PagerDuty", () => {
  test("an acknowledgement delivered after the resolution does not reopen the incident", async () => {
    await deliver("pagerduty", "", fixture("pagerduty/incident.triggered.json"));
    await deliver("pagerduty", "", fixture("pagerduty/incident.resolved.json"));
    await deliver("pagerduty", "", fixture("pagerduty/incident.acknowledged.json"));
    const row = await incident("pagerduty:PGR0VU2");
    expect(row.resolvedAt?.toISOString()).toBe("2020-04-09T16:02:44.000Z");
  });
});

describe("GitHub", () => {
  const issue = (action: string, state: string, updatedAt: string) => {
    const payload = fixture("github/issues.json");
    payload.action = action;
    payload.issue.labels = [{ name: "incident" }];
    payload.issue.state = state;
    payload.issue.updated_at = updatedAt;
    payload.issue.closed_at = state === "closed" ? updatedAt : null;
    return payload;
  };
  const id = "github-issue:Codertocat/Hello-World#1";

  test("an issue opened, closed, then reopened is open; a late 'closed' does not close it again", async () => {
    await deliver("github", "issues", issue("opened", "open", "2026-11-10T10:00:00Z"));
    await deliver("github", "issues", issue("closed", "closed", "2026-11-10T11:00:00Z"));
    await deliver("github", "issues", issue("reopened", "open", "2026-11-10T12:00:00Z"));
    expect((await incident(id)).resolvedAt).toBeNull();
    await deliver("github", "issues", issue("closed", "closed", "2026-11-10T11:30:00Z"));
    expect((await incident(id)).resolvedAt).toBeNull();
  });

  test("a deployment status delivered late does not overwrite a newer one", async () => {
    const status = (state: string, at: string) => {
      const payload = fixture("github/deployment_status.json");
      payload.deployment_status.state = state;
      payload.deployment_status.created_at = at;
      payload.deployment_status.updated_at = at;
      return payload;
    };
    await deliver("github", "deployment_status", status("failure", "2026-11-10T10:05:00Z"));
    await deliver("github", "deployment_status", status("success", "2026-11-10T10:01:00Z"));
    expect((await deployment("github:145988746")).status).toBe("failure");
  });
});

describe("GitLab", () => {
  const issue = (state: string, updatedAt: string) => {
    const payload = fixture("gitlab/issue.json");
    payload.object_attributes.type = "Incident";
    payload.object_attributes.state = state;
    payload.object_attributes.updated_at = updatedAt;
    payload.object_attributes.closed_at = state === "closed" ? updatedAt : null;
    return payload;
  };

  test("an incident reopened stays open when an older 'closed' arrives late", async () => {
    await deliver("gitlab", "Issue Hook", issue("opened", "2026-11-10T10:00:00Z"));
    await deliver("gitlab", "Issue Hook", issue("closed", "2026-11-10T11:00:00Z"));
    await deliver("gitlab", "Issue Hook", issue("opened", "2026-11-10T12:00:00Z"));
    const id = (await app.database.prisma.incident.findFirstOrThrow({ where: { id: { startsWith: "gitlab-issue:" } } })).id;
    expect((await incident(id)).resolvedAt).toBeNull();
    await deliver("gitlab", "Issue Hook", issue("closed", "2026-11-10T11:30:00Z"));
    expect((await incident(id)).resolvedAt).toBeNull();
  });

  test("a deployment's older status delivered late does not overwrite a newer one", async () => {
    const status = (value: string, at: string) => ({ ...fixture("gitlab/deployment.json"), status: value, status_changed_at: at });
    await deliver("gitlab", "Deployment Hook", status("failed", "2026-11-10 10:05:00 UTC"));
    await deliver("gitlab", "Deployment Hook", status("success", "2026-11-10 10:01:00 UTC"));
    expect((await deployment("gitlab:15")).status).toBe("failure");
  });
});
