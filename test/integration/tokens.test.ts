// API tokens from the settings page (tRPC tokens.*): shown once, stored as a hash, usable at once on
// the REST API, "last used" recorded, revoked for good. PGlite by default, PostgreSQL with
// KEEL_TEST_DB=postgres.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hashToken } from "../../server/src/services/tokens.ts";
import { startTestApp, type TestApp, adminCaller, type AdminCaller } from "../support/httpApp.ts";

let app: TestApp;
let caller: AdminCaller;

beforeAll(async () => {
  app = await startTestApp();
  caller = adminCaller(app);
});
afterAll(() => app?.close());

const doraPath = "/api/v1/metrics/dora?from=2026-11-16&to=2026-11-23";

describe("tokens", () => {
  test("a new token is returned once, listed without its secret, and works on the REST API", async () => {
    const created = await caller.tokens.create({ name: "grafana", scope: "read" });
    expect(created.token).toMatch(/^keel_[\w-]{20,}$/);
    expect(created.prefix).toBe(created.token.slice(0, 10));
    const listed = (await caller.tokens.list()).find((t) => t.id === created.id);
    expect(listed).toEqual({
      id: created.id,
      name: "grafana",
      scope: "read",
      prefix: created.prefix,
      createdAt: created.createdAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    expect(JSON.stringify(await caller.tokens.list())).not.toContain(created.token);
    // Only the hash is stored.
    const row = await app.database.prisma.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).toBe(hashToken(created.token));

    expect((await app.request(doraPath, { token: created.token })).status).toBe(200);
    const used = (await caller.tokens.list()).find((t) => t.id === created.id);
    expect(used?.lastUsedAt).not.toBeNull();
    // A read token may not ingest.
    expect((await app.request("/api/v1/events", { token: created.token, json: { events: [] } })).status).toBe(403);
  });

  test("last used is written at most once a minute, not on every call", async () => {
    const created = await caller.tokens.create({ name: "busy", scope: "read" });
    expect((await app.request(doraPath, { token: created.token })).status).toBe(200);
    const first = (await caller.tokens.list()).find((t) => t.id === created.id)?.lastUsedAt;
    expect(first).toBeTruthy();
    expect((await app.request(doraPath, { token: created.token })).status).toBe(200);
    expect((await caller.tokens.list()).find((t) => t.id === created.id)?.lastUsedAt).toBe(first);
  });

  test("a revoked token is refused, listed as revoked after the active ones, and cannot be revoked twice", async () => {
    const created = await caller.tokens.create({ name: "ci", scope: "ingest" });
    expect(await caller.tokens.revoke({ id: created.id })).toEqual({ id: created.id, name: "ci" });
    expect((await app.request(doraPath, { token: created.token })).status).toBe(401);
    const list = await caller.tokens.list();
    const revoked = list.find((t) => t.id === created.id);
    expect(revoked?.revokedAt).not.toBeNull();
    expect(list.at(-1)?.id).toBe(created.id);
    expect(list.slice(0, -1).every((t) => t.revokedAt === null)).toBe(true);
    await expect(caller.tokens.revoke({ id: created.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  test.each([[{ name: "", scope: "read" }], [{ name: "x", scope: "root" }], [{ name: "x".repeat(101), scope: "admin" }]])("refuses %o", async (input) => {
    await expect(caller.tokens.create(input as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  test("revoking needs a token id", async () => {
    await expect(caller.tokens.revoke({ id: "keel_abc" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.tokens.revoke({ id: "00000000-0000-4000-8000-000000000000" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
