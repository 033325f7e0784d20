// The GitLab and PagerDuty webhook receivers through HTTP, over a real database: storage as raw
// events, dedupe (by the event's id, or the body's hash), and what they become.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { TestApp } from "../support/httpApp.ts";
import { secrets, startWebhookApp, fixture, hmacHex, postGitlab, postPagerduty } from "./webhooks/receivers.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startWebhookApp();
});
afterAll(() => app?.close());

describe("GitLab", () => {
  test("a Push Hook is stored and becomes changes; a resend of the same event is a duplicate", async () => {
    const body = fixture("gitlab/push.json");
    const uuid = randomUUID();
    const first = await postGitlab(app, "Push Hook", body, { "x-gitlab-event-uuid": uuid });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ status: "queued" });
    const again = await postGitlab(app, "Push Hook", body, { "x-gitlab-event-uuid": uuid });
    expect(await again.json()).toEqual({ status: "duplicate" });
    await app.webhookQueue.idle();
    const stored = await app.database.prisma.rawEvent.findMany({ where: { source: "gitlab", kind: "Push Hook" } });
    expect(stored).toEqual([
      expect.objectContaining({ note: "recorded 2 (created 2, updated 0, unchanged 0); dropped 1: push: 2 of 4 commits are not in the payload" }),
    ]);
    const changes = await app.database.prisma.change.findMany({ where: { repository: "mike/diaspora" }, orderBy: { committedAt: "asc" } });
    expect(changes.map((c) => c.sha)).toEqual(["b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327", "da1560886d4f094c3e6c9ef40349f7d38b5d27d7"]);
  });

  test("without any delivery header, the body's hash dedupes", async () => {
    const body = fixture("gitlab/pipeline.json");
    expect((await postGitlab(app, "Pipeline Hook", body)).status).toBe(202);
    expect(await (await postGitlab(app, "Pipeline Hook", body)).json()).toEqual({ status: "duplicate" });
    await app.webhookQueue.idle();
    expect(await app.database.prisma.build.findUnique({ where: { id: "gitlab:31" } })).toMatchObject({ status: "success", attempt: 1 });
  });
});

describe("PagerDuty", () => {
  test("triggered, acknowledged and resolved are one incident with every time", async () => {
    for (const kind of ["triggered", "acknowledged", "resolved"]) {
      const body = fixture(`pagerduty/incident.${kind}.json`);
      // During a secret rotation PagerDuty sends one signature per secret.
      const res = await postPagerduty(app, body, `v1=${hmacHex("the old secret", body)},v1=${hmacHex(secrets.pagerduty, body)}`);
      expect(res.status).toBe(202);
    }
    await app.webhookQueue.idle();
    const incidents = await app.database.prisma.incident.findMany({ where: { id: "pagerduty:PGR0VU2" } });
    expect(incidents).toEqual([
      expect.objectContaining({
        title: "A little bump in the road",
        severity: "P1",
        openedAt: new Date("2020-04-09T15:16:27Z"),
        acknowledgedAt: new Date("2020-04-09T15:21:05Z"),
        resolvedAt: new Date("2020-04-09T16:02:44Z"),
        url: "https://acme.pagerduty.com/incidents/PGR0VU2",
      }),
    ]);
    // The deliveries as received (recordEvents also keeps each normalized event, under its own key).
    const stored = await app.database.prisma.rawEvent.findMany({ where: { dedupeKey: { startsWith: "pagerduty:" } }, orderBy: { id: "asc" } });
    expect(stored.map((r) => [r.kind, r.dedupeKey])).toEqual([
      ["incident.triggered", "pagerduty:01DVPQG0K6ZAW0V1TXBJ6YS5MB"],
      ["incident.acknowledged", "pagerduty:01DVPQJ3WXN7B1T8H4ZQF0C2KD"],
      ["incident.resolved", "pagerduty:01DVPRKD5Y9E2G7M3S6VHW8TQA"],
    ]);
  });

  test("event types Keel does not map are ignored, and a retried event is a duplicate", async () => {
    const body = fixture("pagerduty/incident.priority_updated.json");
    expect(await (await postPagerduty(app, body)).json()).toEqual({ status: "ignored", note: "ignored: incident.priority_updated" });
    expect(await (await postPagerduty(app, body)).json()).toEqual({ status: "duplicate" });
  });
});
