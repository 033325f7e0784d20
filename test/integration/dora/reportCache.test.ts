// The DORA report cache (server/src/services/cache/reportCache.ts) through the API: a repeated
// request is served from the cache, and no write of any kind leaves a stale figure behind:
// new events, updated events, settings, a rolled-back transaction. On PGlite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dataVersion } from "../../../server/src/db/queries/dataVersion.ts";
import { getDoraMetrics } from "../../../server/src/services/getDoraMetrics.ts";
import { testDbKind } from "../../support/database.ts";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { clearSetting, deploy, dora, incident, send, setSetting } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await send(app, [
    deploy("rc-1", "cache-api", "2026-11-03T10:00:00Z"),
    deploy("rc-2", "cache-api", "2026-11-05T10:00:00Z"),
    // 30 hours after rc-2: inside the default 7-day attribution window, outside a 1-day one.
    incident("rc-i1", "cache-api", "2026-11-06T16:00:00Z"),
  ]);
});
afterAll(() => app.close());

const window = { from: "2026-11-02", to: "2026-11-16", service: "cache-api" };

describe("the DORA report cache", () => {
  // PGlite is this process's own database. A PostgreSQL server's transaction ids are shared by
  // every database on it, so other test files' writes change the version at any moment there.
  test.runIf(testDbKind === "pglite")("a repeated request with no write in between is the same report, computed once", async () => {
    const input = { ...window, environment: "production" };
    const version = await dataVersion(app.database.prisma);
    const first = await getDoraMetrics({ db: app.database.prisma, input });
    const second = await getDoraMetrics({ db: app.database.prisma, input });
    expect(await dataVersion(app.database.prisma)).toBe(version);
    expect(second).toBe(first);
  });

  test("a new event is counted at once", async () => {
    expect((await dora(app, window)).summary.deploymentFrequency.deployments).toBe(2);
    await send(app, [deploy("rc-3", "cache-api", "2026-11-10T10:00:00Z")]);
    expect((await dora(app, window)).summary.deploymentFrequency.deployments).toBe(3);
  });

  test("an event sent again with new values (an incident resolved) is counted at once", async () => {
    expect((await dora(app, window)).summary.recoveryTime).toEqual(expect.objectContaining({ incidents: 0, open: 1 }));
    await send(app, [incident("rc-i1", "cache-api", "2026-11-06T16:00:00Z", { resolvedAt: "2026-11-06T18:00:00Z" })]);
    expect((await dora(app, window)).summary.recoveryTime).toEqual(expect.objectContaining({ incidents: 1, medianHours: 2, open: 0 }));
  });

  test("a settings change is applied at once", async () => {
    expect((await dora(app, window)).summary.changeFailureRate.failed).toBe(1);
    await setSetting(app, "attributionWindowDays", 1);
    try {
      expect((await dora(app, window)).summary.changeFailureRate.failed).toBe(0);
    } finally {
      await clearSetting(app, "attributionWindowDays");
    }
    expect((await dora(app, window)).summary.changeFailureRate.failed).toBe(1);
  });

  test("a write that was rolled back changes nothing", async () => {
    const before = await dora(app, window);
    await expect(
      app.database.prisma.$transaction(async (tx) => {
        await tx.deployment.updateMany({ where: { id: "rc-1" }, data: { status: "failure" } });
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    expect(await dora(app, window)).toEqual(before);
  });
});
