// Change failure rate through GET /api/v1/metrics/dora: every attribution rule of product.md
// (metric 3), each scenario on its own service. Window [Nov 2, Nov 16) 2026 unless said otherwise.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { updateOrgSettings } from "../../../server/src/services/updateOrgSettings.ts";
import { deploy, dora, incident, send, setSetting, clearSetting } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const window = { from: "2026-11-02", to: "2026-11-16" };
const cfr = async (service: string, extra: Record<string, string> = {}) => (await dora(app, { ...window, service, ...extra })).summary.changeFailureRate;

describe("change failure rate", () => {
  test("an explicit cause by deployment id: no time limit, and several incidents count the deployment once", async () => {
    await send(app, [
      deploy("ce-1", "cfr-explicit", "2026-11-03T10:00:00Z"),
      deploy("ce-2", "cfr-explicit", "2026-11-04T10:00:00Z"),
      deploy("ce-3", "cfr-explicit", "2026-11-05T10:00:00Z"),
      incident("ce-i1", "cfr-explicit", "2026-11-03T11:00:00Z", { causedByDeploymentId: "ce-1" }),
      incident("ce-i2", "cfr-explicit", "2026-11-03T12:00:00Z", { causedByDeploymentId: "ce-1" }),
      // 9 days later and after ce-2 and ce-3: still ce-1's (time attribution would say ce-3).
      incident("ce-i3", "cfr-explicit", "2026-11-12T09:00:00Z", { causedByDeploymentId: "ce-1" }),
      // Opened after the window ends: ce-2 still caused a failure.
      incident("ce-i4", "cfr-explicit", "2026-11-20T10:00:00Z", { causedByDeploymentId: "ce-2" }),
    ]);
    // Failed: ce-1 (three incidents, counted once) and ce-2: 2 of 3.
    // (Counting incidents gives 4/3; attributing ce-i3 by time adds ce-3.)
    expect(await cfr("cfr-explicit")).toMatchObject({ deployments: 3, failed: 2, rate: 2 / 3, level: "low" });
  });

  test("an explicit cause by commit sha: the first successful deployment that shipped the commit", async () => {
    await send(app, [
      deploy("cs-1", "cfr-sha", "2026-11-03T10:00:00Z", {
        commits: [
          { sha: "shaaaa01", committedAt: "2026-11-03T08:00:00Z" },
          { sha: "shabbb01", committedAt: "2026-11-03T09:00:00Z" },
        ],
      }),
    ]);
    await send(app, [
      // Ships shabbb01 again, and is the latest deployment when the incidents open.
      deploy("cs-2", "cfr-sha", "2026-11-06T10:00:00Z", { commits: [{ sha: "shabbb01", committedAt: "2026-11-03T09:00:00Z" }] }),
      // A bare commit sha with no change recorded.
      deploy("cs-3", "cfr-sha", "2026-11-08T10:00:00Z", { commitSha: "shaddd01" }),
      incident("cs-i1", "cfr-sha", "2026-11-07T10:00:00Z", { causedByCommitSha: "shaaaa01" }), // inside cs-1's batch
      incident("cs-i2", "cfr-sha", "2026-11-07T11:00:00Z", { causedByCommitSha: "shabbb01" }), // first shipped by cs-1
      incident("cs-i3", "cfr-sha", "2026-11-20T10:00:00Z", { causedByCommitSha: "shaddd01" }), // cs-3's commitSha
    ]);
    // Failed: cs-1 (i1, i2) and cs-3 (i3); cs-2 re-shipped shabbb01 but was not its first deployment
    // (time attribution would have blamed cs-2 for i1 and i2). 2 of 3.
    expect(await cfr("cfr-sha")).toMatchObject({ deployments: 3, failed: 2 });
    const week = (await dora(app, { ...window, service: "cfr-sha" })).series;
    expect(week.map((b) => [b.bucketStart, b.deployments, b.failedDeployments, b.changeFailureRate])).toEqual([
      ["2026-11-02", 3, 2, 2 / 3],
      ["2026-11-09", 0, 0, null],
    ]);
  });

  test("time attribution: after it finished, before the next successful deployment of the service and environment, within 7 days", async () => {
    await send(app, [
      deploy("ct-0", "cfr-time", "2026-11-01T20:00:00Z"), // previous period
      incident("ct-i0", "cfr-time", "2026-11-02T09:00:00Z"), // in the window, but ct-0's
      deploy("ct-1", "cfr-time", "2026-11-02T10:00:00Z"),
      deploy("ct-1f", "cfr-time", "2026-11-02T12:00:00Z", { status: "failure" }), // does not bound ct-1's window
      deploy("ct-1s", "cfr-time", "2026-11-02T13:00:00Z", { environment: "staging" }), // nor does staging
      incident("ct-i1", "cfr-time", "2026-11-02T14:00:00Z"), // → ct-1
      deploy("ct-2", "cfr-time", "2026-11-04T10:00:00Z"),
      incident("ct-i2", "cfr-time", "2026-11-04T10:00:00Z"), // opened as ct-2 finished: not after ct-2, not before it: nobody's
      deploy("ct-3", "cfr-time", "2026-11-06T10:00:00Z"),
      incident("ct-i3", "cfr-time", "2026-11-13T10:00:00Z"), // exactly 7 days after ct-3: → ct-3
      deploy("ct-4", "cfr-time", "2026-11-14T10:00:00Z"),
      incident("ct-i4", "cfr-time", "2026-11-21T10:01:00Z"), // 7 days and 1 minute after ct-4: nobody's
    ]);
    // Production, window: ct-1, ct-2, ct-3, ct-4; failed ct-1 and ct-3: 2 of 4.
    const m = await dora(app, { ...window, service: "cfr-time" });
    expect(m.summary.changeFailureRate).toMatchObject({ deployments: 4, failed: 2, rate: 0.5 });
    // The previous period [Oct 19, Nov 2): ct-0, failed by ct-i0 opened after the window began.
    expect(m.summary.changeFailureRate.previous).toMatchObject({ deployments: 1, failed: 1, rate: 1 });
    expect(m.summary.changeFailureRate.change).toEqual({ deployments: 3, failed: 1, rate: -0.5 });
    // Staging: incidents are attributed to staging deployments only; ct-1s is followed by ct-i1.
    expect(await cfr("cfr-time", { environment: "staging" })).toMatchObject({ deployments: 1, failed: 1 });
  });

  test("the attribution window is a setting (attributionWindowDays)", async () => {
    await send(app, [deploy("cw-1", "cfr-window", "2026-11-03T10:00:00Z"), incident("cw-i1", "cfr-window", "2026-11-04T16:00:00Z")]);
    expect((await cfr("cfr-window")).failed).toBe(1); // 30 h ≤ 7 days
    await setSetting(app, "attributionWindowDays", 1);
    try {
      expect((await cfr("cfr-window")).failed).toBe(0); // 30 h > 1 day
    } finally {
      await clearSetting(app, "attributionWindowDays");
    }
  });

  test("a window in hours (attributionWindowHours): 4 hours leaves an incident opened 6 hours after unattributed", async () => {
    await send(app, [deploy("ch-1", "cfr-hours", "2026-11-03T10:00:00Z"), incident("ch-i1", "cfr-hours", "2026-11-03T16:00:00Z")]);
    const db = app.database.prisma;
    expect((await cfr("cfr-hours")).failed).toBe(1); // 6 h ≤ 168 h (the default 7 days)
    try {
      expect(await updateOrgSettings({ db, input: { attributionWindowHours: 4 } })).toMatchObject({ attributionWindowHours: 4, attributionWindowDays: 4 / 24 });
      const m = await dora(app, { from: "2026-11-02", to: "2026-11-09", service: "cfr-hours" });
      expect(m.summary.changeFailureRate).toMatchObject({ deployments: 1, failed: 0 }); // 6 h > 4 h
      expect(m).toMatchObject({ attributionWindowHours: 4, attributionWindowDays: 4 / 24 });
      await updateOrgSettings({ db, input: { attributionWindowHours: 6 } });
      expect((await cfr("cfr-hours")).failed).toBe(1); // inclusive: opened exactly 6 h after
      // Days sent later replace the hours (an older client): 1 day = 24 h attributes it.
      await updateOrgSettings({ db, input: { attributionWindowHours: 4 } });
      expect(await updateOrgSettings({ db, input: { attributionWindowDays: 1 } })).toMatchObject({ attributionWindowHours: 24, attributionWindowDays: 1 });
      expect((await cfr("cfr-hours")).failed).toBe(1);
    } finally {
      await clearSetting(app, "attributionWindowHours");
      await clearSetting(app, "attributionWindowDays");
    }
  });

  test("incidents before any deployment, with no service, or not caused by a change are attributed to nothing", async () => {
    await send(app, [
      incident("cn-i1", "cfr-none", "2026-11-02T08:00:00Z"), // before the service's first deployment
      deploy("cn-1", "cfr-none", "2026-11-02T10:00:00Z"),
      incident("cn-i2", undefined, "2026-11-02T11:00:00Z"), // no service, no cause
      incident("cn-i3", "cfr-none", "2026-11-02T12:00:00Z", { notCausedByChange: true }),
      // notCausedByChange wins over a named cause.
      incident("cn-i4", "cfr-none", "2026-11-02T13:00:00Z", { notCausedByChange: true, causedByDeploymentId: "cn-1" }),
    ]);
    expect(await cfr("cfr-none")).toMatchObject({ deployments: 1, failed: 0, rate: 0, level: "elite" });
  });

  test("services are isolated: an incident of one service does not fail another's deployment", async () => {
    await send(app, [
      deploy("ci-a1", "iso-a", "2026-11-03T10:00:00Z"),
      deploy("ci-b1", "iso-b", "2026-11-03T11:00:00Z"),
      incident("ci-i1", "iso-b", "2026-11-03T12:00:00Z"),
    ]);
    expect((await cfr("iso-a")).failed).toBe(0);
    expect((await cfr("iso-b")).failed).toBe(1);
  });

  test("rollbacks: named, inferred from a rollback naming nothing, and attempted", async () => {
    await send(app, [
      deploy("cr-1", "cfr-rb", "2026-11-03T10:00:00Z"),
      deploy("cr-2", "cfr-rb", "2026-11-03T11:00:00Z", { kind: "rollback", rollbackOfDeploymentId: "cr-1" }), // → cr-1
      deploy("cr-3", "cfr-rb", "2026-11-05T10:00:00Z"),
      deploy("cr-4", "cfr-rb", "2026-11-05T11:00:00Z", { kind: "rollback" }), // names nothing: replaces cr-3 → cr-3
      deploy("cr-5", "cfr-rb", "2026-11-07T10:00:00Z"),
      deploy("cr-6", "cfr-rb", "2026-11-07T11:00:00Z", { kind: "rollback", status: "failure", rollbackOfDeploymentId: "cr-5" }), // → cr-5
      deploy("cr-7", "cfr-rb", "2026-11-09T10:00:00Z"),
      deploy("cr-8", "cfr-rb", "2026-11-15T10:00:00Z"),
      deploy("cr-9", "cfr-rb", "2026-11-17T10:00:00Z", { kind: "rollback" }), // after the window, names nothing: → cr-8
    ]);
    const m = await dora(app, { ...window, service: "cfr-rb" });
    // Successful in the window: cr-1, 2, 3, 4, 5, 7, 8 = 7; failed cr-1, cr-3, cr-5, cr-8 = 4.
    expect(m.summary.changeFailureRate).toMatchObject({ deployments: 7, failed: 4, rate: 4 / 7 });
    // Rework: the successful rollbacks in the window, cr-2 and cr-4 = 2 of 7.
    expect(m.summary.reworkRate).toMatchObject({ deployments: 7, rework: 2, rate: 2 / 7 });
  });

  test("an incident naming a staging deployment is not a production failure", async () => {
    await send(app, [
      deploy("cv-p1", "cfr-env", "2026-11-03T10:00:00Z"),
      deploy("cv-s1", "cfr-env", "2026-11-03T11:00:00Z", { environment: "staging" }),
      incident("cv-i1", "cfr-env", "2026-11-03T12:00:00Z", { causedByDeploymentId: "cv-s1" }),
    ]);
    expect(await cfr("cfr-env")).toMatchObject({ deployments: 1, failed: 0 });
    expect(await cfr("cfr-env", { environment: "staging" })).toMatchObject({ deployments: 1, failed: 1 });
  });
});
