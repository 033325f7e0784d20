// Failed deployment recovery time through GET /api/v1/metrics/dora. Window [Nov 2, Nov 16) 2026.
// Teams come from the deployments that first name each service's team.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { deploy, dora, incident, send } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await send(app, [
    deploy("rt-a", "rec-a", "2026-10-01T10:00:00Z", { team: "rec-team" }),
    deploy("rt-b", "rec-b", "2026-10-01T10:00:00Z", { team: "rec-team" }),
    deploy("rt-c", "rec-c", "2026-10-01T10:00:00Z", { team: "other-team" }),
    // rec-team: resolved in the window
    incident("ra1", "rec-a", "2026-11-03T10:00:00Z", { resolvedAt: "2026-11-03T11:00:00Z" }), // 1 h
    incident("ra2", "rec-a", "2026-11-04T10:00:00Z", { resolvedAt: "2026-11-04T13:00:00Z" }), // 3 h
    incident("ra3", "rec-a", "2026-11-06T10:00:00Z", { resolvedAt: "2026-11-06T20:00:00Z" }), // 10 h
    incident("rb1", "rec-b", "2026-11-01T22:00:00Z", { resolvedAt: "2026-11-02T04:00:00Z" }), // 6 h, opened before the window
    incident("rb2", "rec-b", "2026-11-10T00:00:00Z", { resolvedAt: "2026-11-11T00:00:00Z" }), // 24 h
    // rec-team: not resolved in the window
    incident("rb3", "rec-b", "2026-10-30T00:00:00Z", { resolvedAt: "2026-11-01T00:00:00Z" }), // before: previous period, 48 h
    incident("rb4", "rec-b", "2026-11-15T20:00:00Z", { resolvedAt: "2026-11-16T00:00:00Z" }), // resolved at `to`: open at the window's end
    incident("rb5", "rec-b", "2026-11-12T00:00:00Z"), // still open
    // other-team
    incident("rc1", "rec-c", "2026-11-05T00:00:00Z", { resolvedAt: "2026-11-09T04:00:00Z" }), // 100 h
    incident("rc2", "rec-c", "2026-11-08T10:00:00Z", { resolvedAt: "2026-11-08T09:00:00Z" }), // resolved before opened
    // no service
    incident("rn1", undefined, "2026-11-03T00:00:00Z", { resolvedAt: "2026-11-03T02:00:00Z" }),
  ]);
});
afterAll(() => app.close());

const window = { from: "2026-11-02", to: "2026-11-16" };

describe("failed deployment recovery time", () => {
  test("incidents resolved in the window, odd count; open incidents counted and listed, not averaged", async () => {
    const m = await dora(app, { ...window, team: "rec-team" });
    // [1, 3, 6, 10, 24]: median 6; p90: 0.9·4 = 3.6 → 10 + 0.6·(24 − 10) = 18.4. Level: < 1 day → high.
    expect(m.summary.recoveryTime).toMatchObject({ incidents: 5, medianHours: 6, level: "high", open: 2, excludedNegative: 0 });
    expect(m.summary.recoveryTime.p90Hours).toBeCloseTo(18.4, 10);
    // rb4 (opened Nov 15 20:00) and rb5 (Nov 12), latest opened first.
    expect(m.dataQuality.openIncidents).toEqual({ count: 2, examples: ["rb4", "rb5"] });
    // Bucketed by the week of resolution: rb1 (resolved Mon Nov 2) with ra1..ra3: [1, 3, 6, 10] → 4.5; rb2 → 24.
    expect(m.series.map((b) => [b.bucketStart, b.incidents, b.recoveryMedianHours])).toEqual([
      ["2026-11-02", 4, 4.5],
      ["2026-11-09", 1, 24],
    ]);
    // Previous period [Oct 19, Nov 2): rb3, 48 h. Open at its end (Nov 2 00:00): rb1.
    expect(m.summary.recoveryTime.previous).toMatchObject({ incidents: 1, medianHours: 48, open: 1, level: "medium" });
    expect(m.summary.recoveryTime.change).toMatchObject({ incidents: 4, medianHours: -42, open: 1 });
  });

  test("odd and even counts per service", async () => {
    // rec-a [1, 3, 10]: median 3; p90: 0.9·2 = 1.8 → 3 + 0.8·7 = 8.6.
    const a = (await dora(app, { ...window, service: "rec-a" })).summary.recoveryTime;
    expect(a).toMatchObject({ incidents: 3, medianHours: 3, open: 0 });
    expect(a.p90Hours).toBeCloseTo(8.6, 10);
    // rec-b [6, 24]: median 15; p90: 0.9·1 → 6 + 0.9·18 = 22.2.
    const b = (await dora(app, { ...window, service: "rec-b" })).summary.recoveryTime;
    expect(b).toMatchObject({ incidents: 2, medianHours: 15, open: 2 });
    expect(b.p90Hours).toBeCloseTo(22.2, 10);
  });

  test("a team sees only its services' incidents; a negative duration is excluded and counted", async () => {
    const m = await dora(app, { ...window, team: "other-team" });
    // rc1 100 h (1 day to 1 week: medium); rc2 resolved before it opened.
    expect(m.summary.recoveryTime).toMatchObject({ incidents: 1, medianHours: 100, level: "medium", excludedNegative: 1 });
  });

  test("incidents with no service count org-wide, and are listed whatever the filter", async () => {
    const all = await dora(app, window);
    // Org-wide: rec-team's five, rc1, and rn1 (2 h): [1, 2, 3, 6, 10, 24, 100] → median 6.
    expect(all.summary.recoveryTime).toMatchObject({ incidents: 7, medianHours: 6 });
    const team = await dora(app, { ...window, team: "rec-team" });
    expect(team.dataQuality.incidentsWithoutService).toEqual({ count: 1, examples: ["rn1"] });
  });

  test("another environment counts only incidents attributed to its deployments", async () => {
    await send(app, [
      deploy("re-p1", "rec-env", "2026-11-03T09:00:00Z"),
      deploy("re-s1", "rec-env", "2026-11-03T10:00:00Z", { environment: "staging" }),
      incident("re1", "rec-env", "2026-11-03T12:00:00Z", { resolvedAt: "2026-11-03T14:00:00Z" }), // 2 h, after re-s1 (and re-p1)
      incident("re2", "rec-env", "2026-11-03T13:00:00Z", { resolvedAt: "2026-11-03T18:00:00Z", causedByDeploymentId: "re-p1" }), // 5 h
      incident("re3", "rec-env", "2026-11-03T15:00:00Z", { notCausedByChange: true }), // open, not a change failure
    ]);
    // Production: every incident of the service: [2, 5] → 3.5; re3 open.
    const prod = (await dora(app, { ...window, service: "rec-env" })).summary.recoveryTime;
    expect(prod).toMatchObject({ incidents: 2, medianHours: 3.5, open: 1 });
    // Staging: re1 (time-attributed to re-s1) only; re2 names a production deployment, re3 no change.
    const staging = (await dora(app, { ...window, service: "rec-env", environment: "staging" })).summary.recoveryTime;
    expect(staging).toMatchObject({ incidents: 1, medianHours: 2, open: 0 });
  });
});
