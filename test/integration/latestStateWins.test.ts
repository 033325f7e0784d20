// What was sent last is what is stored: a resend is a no-op only when it equals the latest
// version of its event, so returning to an earlier state is applied (REST; webhooks in
// webhookOrder.test.ts).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../support/httpApp.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function post(path: string, json: unknown): Promise<Record<string, number>> {
  const res = await app.request(path, { json });
  const body = (await res.json()) as Record<string, number>;
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

describe("the latest version wins over REST", () => {
  test("an incident sent open, resolved, then open again ends open", async () => {
    const open = { id: "inc-reopened", service: "billing", openedAt: "2026-11-11T09:00:00Z" };
    const resolved = { ...open, resolvedAt: "2026-11-11T10:00:00Z" };
    expect(await post("/api/v1/incidents", open)).toMatchObject({ created: 1 });
    expect(await post("/api/v1/incidents", resolved)).toMatchObject({ updated: 1 });
    expect(await post("/api/v1/incidents", open)).toMatchObject({ updated: 1, unchanged: 0 });
    const row = await app.database.prisma.incident.findUniqueOrThrow({ where: { id: "inc-reopened" } });
    expect(row.resolvedAt).toBeNull();
    // Sent again as it now is: that one is a no-op.
    expect(await post("/api/v1/incidents", open)).toMatchObject({ updated: 0, unchanged: 1 });
  });

  test("a deployment sent success, failure, then success again ends success", async () => {
    const ok = { id: "dep-flipped", service: "billing", status: "success", finishedAt: "2026-11-10T12:00:00Z" };
    await post("/api/v1/deployments", ok);
    await post("/api/v1/deployments", { ...ok, status: "failure" });
    expect(await post("/api/v1/deployments", ok)).toMatchObject({ updated: 1 });
    const row = await app.database.prisma.deployment.findUniqueOrThrow({ where: { id: "dep-flipped" } });
    expect(row.status).toBe("success");
  });

  test("in one batch the last version of an event is the one stored", async () => {
    const open = { type: "incident", id: "inc-batch", service: "billing", openedAt: "2026-11-12T09:00:00Z" };
    const resolved = { ...open, resolvedAt: "2026-11-12T10:00:00Z" };
    expect(await post("/api/v1/events", { events: [open, resolved, open] })).toMatchObject({ accepted: 3, created: 1, unchanged: 2 });
    const row = await app.database.prisma.incident.findUniqueOrThrow({ where: { id: "inc-batch" } });
    expect(row.resolvedAt).toBeNull();
  });

  test("the same new versions sent twice at once are applied once", async () => {
    const events = Array.from({ length: 20 }, (_, i) => ({ type: "incident", id: `inc-race-${i}`, service: "billing", openedAt: "2026-11-13T09:00:00Z" }));
    const answers = await Promise.all([post("/api/v1/events", { events }), post("/api/v1/events", { events })]);
    expect(answers.map((a) => a.created).sort()).toEqual([0, 20]);
    expect(answers.map((a) => a.unchanged).sort()).toEqual([0, 20]);
  });
});
