import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createToken } from "../../server/src/services/tokens.ts";
import { startTestApp, type TestApp } from "../support/httpApp.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const deployment = { id: "d-http-1", service: "web", status: "success", finishedAt: "2026-11-10T12:00:00Z" };

describe("operations endpoints", () => {
  test("/healthz answers while the process is up", async () => {
    const res = await app.request("/healthz", { token: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  test("/readyz is ready once the migrations are applied", async () => {
    const res = await app.request("/readyz", { token: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ready: true });
  });
});

describe("auth", () => {
  test.each([
    ["no header", null, 401],
    ["an unknown token", "not-a-real-token", 401],
  ])("%s gets %i with a JSON error", async (_name, token, status) => {
    const res = await app.request("/api/v1/deployments", { json: deployment, token });
    expect(res.status).toBe(status);
    expect((await res.json()).error.code).toBe("UNAUTHORIZED");
  });

  test("a read token cannot ingest; an ingest token can; a revoked one cannot", async () => {
    const read = await createToken({ db: app.database.prisma, input: { name: "reader", scope: "read" } });
    const ingest = await createToken({ db: app.database.prisma, input: { name: "ci", scope: "ingest" } });
    const denied = await app.request("/api/v1/deployments", { json: deployment, token: read.token });
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.code).toBe("FORBIDDEN");
    expect((await app.request("/api/v1/deployments", { json: deployment, token: ingest.token })).status).toBe(200);
    await app.database.prisma.apiToken.update({ where: { id: ingest.id }, data: { revokedAt: new Date() } });
    expect((await app.request("/api/v1/deployments", { json: deployment, token: ingest.token })).status).toBe(401);
  });

  test("an ingest token may read a service's last deployment (keel deploy in CI) but no metric", async () => {
    const ingest = await createToken({ db: app.database.prisma, input: { name: "ci-deploy", scope: "ingest" } });
    expect((await app.request("/api/v1/deployments", { json: { ...deployment, id: "d-last-1", commitSha: "abc1234def" }, token: ingest.token })).status).toBe(
      200,
    );
    const last = await app.request(`/api/v1/services/${deployment.service}/last-deployment`, { token: ingest.token });
    expect(last.status, await last.clone().text()).toBe(200);
    const metrics = await app.request("/api/v1/metrics/dora?from=2026-11-02&to=2026-11-16", { token: ingest.token });
    expect(metrics.status).toBe(403);
    expect((await metrics.json()).error.message).toContain('needs "read" or "admin"');
  });

  test("tokens are stored as hashes only", async () => {
    const { token } = await createToken({ db: app.database.prisma, input: { name: "hash-check", scope: "read" } });
    const rows = await app.database.prisma.apiToken.findMany();
    expect(rows.some((r) => r.hash.includes(token) || JSON.stringify(r).includes(token))).toBe(false);
  });
});

describe("ingestion edge", () => {
  test("a batch answers with created/updated/unchanged counts", async () => {
    const events = [
      { type: "deployment", ...deployment, id: "d-batch-1" },
      { type: "incident", id: "inc-batch-1", service: "web", openedAt: "2026-11-10T13:00:00Z" },
    ];
    const first = await app.request("/api/v1/events", { json: { events } });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ accepted: 2, created: 2, updated: 0, unchanged: 0 });
    const again = await app.request("/api/v1/events", { json: { events } });
    expect(await again.json()).toEqual({ accepted: 2, created: 0, updated: 0, unchanged: 2 });
  });

  test("an invalid batch names every failing field and stores nothing", async () => {
    const before = await app.database.prisma.rawEvent.count();
    const res = await app.request("/api/v1/events", {
      json: {
        events: [
          { type: "deployment", ...deployment, id: "d-ok" },
          { type: "deployment", ...deployment, id: "d-bad", finishedAt: "yesterday" },
          { type: "incident", id: "i-bad" },
        ],
      },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe("VALIDATION_FAILED");
    const paths = body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain("events[1].finishedAt");
    expect(paths).toContain("events[2].openedAt");
    expect(await app.database.prisma.rawEvent.count()).toBe(before);
    expect(await app.database.prisma.deployment.findUnique({ where: { id: "d-ok" } })).toBeNull();
  });

  test("a body that is not JSON gets 415", async () => {
    const res = await app.request("/api/v1/events", { method: "POST", body: "<xml/>", headers: { "content-type": "application/xml" } });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  test("an unknown endpoint is a JSON 404", async () => {
    const res = await app.request("/api/v1/nope");
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("NOT_FOUND");
  });
});
