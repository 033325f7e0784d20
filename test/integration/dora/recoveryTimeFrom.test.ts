// The recoveryTimeFrom setting (docs/metrics.md §4): failed deployment recovery time measured from
// the incident's opening (default) or from the finish of the deployment the change failure rules
// attribute it to. Window [Nov 2, Nov 16) 2026, service rf-a.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { adminContext, startTestApp, type TestApp } from "../../support/httpApp.ts";
import { appRouter } from "../../../server/src/trpc/router.ts";
import { deploy, deployCommit, dora, incident, send } from "./support.ts";

const SHA = "a1".repeat(20);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await send(app, [
    deploy("rf-d1", "rf-a", "2026-11-03T08:00:00Z"),
    // (c) time window: d1 finished 2 h before it opened. Opened → resolved 2 h; d1 → resolved 4 h.
    incident("rf-i1", "rf-a", "2026-11-03T10:00:00Z", { resolvedAt: "2026-11-03T12:00:00Z" }),
    deploy("rf-d2", "rf-a", "2026-11-05T00:00:00Z"),
    // (a) names d2. 3 h; from d2, 9 h.
    incident("rf-i2", "rf-a", "2026-11-05T06:00:00Z", { resolvedAt: "2026-11-05T09:00:00Z", causedByDeploymentId: "rf-d2" }),
    // Not caused by a change: from its opening either way, 5 h.
    incident("rf-i3", "rf-a", "2026-11-07T00:00:00Z", { resolvedAt: "2026-11-07T05:00:00Z", notCausedByChange: true }),
    // (a) by commit: the first deployment shipping it is d3, not d4. 1 h; from d3, 13 h.
    deployCommit("rf-d3", "rf-a", "2026-11-10T00:00:00Z", SHA, "2026-11-09T00:00:00Z"),
    deployCommit("rf-d4", "rf-a", "2026-11-10T06:00:00Z", SHA, "2026-11-09T00:00:00Z"),
    incident("rf-i4", "rf-a", "2026-11-10T12:00:00Z", { resolvedAt: "2026-11-10T13:00:00Z", causedByCommitSha: SHA }),
  ]);
});
afterAll(() => app.close());

const window = { from: "2026-11-02", to: "2026-11-16", service: "rf-a" };

describe("recovery time start (recoveryTimeFrom)", () => {
  test("incidentOpened (the default): opened → resolved", async () => {
    const r = (await dora(app, window)).summary.recoveryTime;
    // [1, 2, 3, 5]: median 2.5.
    expect(r).toMatchObject({ incidents: 4, medianHours: 2.5, excludedNegative: 0 });
  });

  test("deploymentFinished: from the attributed deployment's finish; unattributed incidents from their opening", async () => {
    const caller = appRouter.createCaller(adminContext(app.database.prisma));
    await caller.settings.update({ recoveryTimeFrom: "deploymentFinished" });
    try {
      const m = await dora(app, window);
      // [4, 5, 9, 13]: median 7; p90: 0.9·3 = 2.7 → 9 + 0.7·4 = 11.8. Same incidents counted.
      expect(m.summary.recoveryTime).toMatchObject({ incidents: 4, medianHours: 7, excludedNegative: 0 });
      expect(m.summary.recoveryTime.p90Hours).toBeCloseTo(11.8, 10);
      // Weeks of resolution: Nov 2 [4, 9, 5] → 5; Nov 9 [13].
      expect(m.series.map((b) => [b.bucketStart, b.incidents, b.recoveryMedianHours])).toEqual([
        ["2026-11-02", 3, 5],
        ["2026-11-09", 1, 13],
      ]);
    } finally {
      await caller.settings.update({ recoveryTimeFrom: "incidentOpened" });
    }
    expect((await dora(app, window)).summary.recoveryTime.medianHours).toBe(2.5);
  });
});
