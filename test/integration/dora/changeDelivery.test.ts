// The ChangeDelivery rollup (first successful delivery per change, service and environment) is
// kept by database triggers. Lead time reads only the rollup, so every way ingestion can move a
// first delivery must move the rollup, and lead time with it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { deploy, dora, send } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const window = { from: "2026-11-02", to: "2026-11-16", service: "rollup" };
const commit = { sha: "roll0001", committedAt: "2026-11-03T00:00:00Z" };

async function firstDelivery(sha: string) {
  const change = await app.database.prisma.change.findFirstOrThrow({ where: { sha } });
  return app.database.prisma.changeDelivery.findMany({
    where: { changeId: change.id },
    select: { deploymentId: true, finishedAt: true, committedAt: true },
  });
}

describe("ChangeDelivery follows every write", () => {
  test("new links, a deployment turned failed, moved later, a new commit time, and deletion", async () => {
    await send(app, [deploy("ro-1", "rollup", "2026-11-03T10:00:00Z", { commits: [commit] })]);
    await send(app, [deploy("ro-2", "rollup", "2026-11-05T10:00:00Z", { commits: [commit] })]);
    // First delivery ro-1: 10 h.
    expect((await firstDelivery("roll0001")).map((r) => r.deploymentId)).toEqual(["ro-1"]);
    expect((await dora(app, window)).summary.leadTime).toMatchObject({ changes: 1, medianHours: 10 });

    // ro-1 resent as failed: ro-2 is the first successful delivery, 58 h.
    await send(app, [deploy("ro-1", "rollup", "2026-11-03T10:00:00Z", { commits: [commit], status: "failure" })]);
    expect((await firstDelivery("roll0001")).map((r) => r.deploymentId)).toEqual(["ro-2"]);
    expect((await dora(app, window)).summary.leadTime).toMatchObject({ changes: 1, medianHours: 58 });

    // ro-1 resent as successful but finishing after ro-2: still ro-2.
    await send(app, [deploy("ro-1", "rollup", "2026-11-06T10:00:00Z", { commits: [commit] })]);
    expect((await firstDelivery("roll0001")).map((r) => r.deploymentId)).toEqual(["ro-2"]);

    // The change's commit time corrected: 2026-11-04T10:00 → ro-2 at Nov 5 10:00 is 24 h.
    await send(app, [{ type: "change", sha: "roll0001", service: "rollup", committedAt: "2026-11-04T10:00:00Z" }]);
    expect((await firstDelivery("roll0001"))[0]?.committedAt.toISOString()).toBe("2026-11-04T10:00:00.000Z");
    expect((await dora(app, window)).summary.leadTime).toMatchObject({ changes: 1, medianHours: 24 });

    // ro-2 deleted (its links go with it): ro-1 is the only delivery left, Nov 6 10:00: 48 h.
    await app.database.prisma.deployment.delete({ where: { id: "ro-2" } });
    expect((await firstDelivery("roll0001")).map((r) => r.deploymentId)).toEqual(["ro-1"]);
    expect((await dora(app, window)).summary.leadTime).toMatchObject({ changes: 1, medianHours: 48 });
  });

  test("a change arriving after the deployment that named its sha", async () => {
    await send(app, [deploy("ro-late", "rollup-late", "2026-11-04T12:00:00Z", { commitSha: "late0001" })]);
    expect((await dora(app, { ...window, service: "rollup-late" })).summary.leadTime.changes).toBe(0);
    await send(app, [{ type: "change", sha: "late0001", service: "rollup-late", committedAt: "2026-11-04T09:00:00Z" }]);
    expect((await dora(app, { ...window, service: "rollup-late" })).summary.leadTime).toMatchObject({ changes: 1, medianHours: 3 });
  });

  test("one delivery per environment: staging and production each have their first", async () => {
    const c = { sha: "envs0001", committedAt: "2026-11-03T00:00:00Z" };
    await send(app, [deploy("re-s", "rollup-env", "2026-11-03T02:00:00Z", { commits: [c], environment: "staging" })]);
    await send(app, [deploy("re-p", "rollup-env", "2026-11-03T05:00:00Z", { commits: [c] })]);
    expect((await firstDelivery("envs0001")).map((r) => r.deploymentId).sort()).toEqual(["re-p", "re-s"]);
  });
});
