// Deployment frequency and rework rate through GET /api/v1/metrics/dora. Calendar: November 2026,
// Mondays are the 2nd, 9th, 16th, 23rd and 30th. Organisation time zone: UTC (the default).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { deploy, dora, send } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe("deployment frequency", () => {
  test("from is inclusive, to exclusive; only successful production deployments count", async () => {
    await send(app, [
      deploy("fe-at-from", "freq-edges", "2026-11-02T00:00:00Z"), // == from: counted
      deploy("fe-before-to", "freq-edges", "2026-11-15T23:59:59.999Z"), // last millisecond: counted
      deploy("fe-at-to", "freq-edges", "2026-11-16T00:00:00Z"), // == to: not counted
      deploy("fe-before-from", "freq-edges", "2026-11-01T23:59:59.999Z"), // previous period
      deploy("fe-failed", "freq-edges", "2026-11-05T10:00:00Z", { status: "failure" }),
      deploy("fe-cancelled", "freq-edges", "2026-11-05T11:00:00Z", { status: "cancelled" }),
      deploy("fe-staging", "freq-edges", "2026-11-05T12:00:00Z", { environment: "staging" }),
    ]);
    const m = await dora(app, { from: "2026-11-02T00:00:00Z", to: "2026-11-16T00:00:00Z", service: "freq-edges" });
    // 2 deployments in 14 days: 2 / 14 = 1/7 per day, exactly "once per week": high (≥ 1 per week).
    expect(m.summary.deploymentFrequency).toMatchObject({ deployments: 2, perDay: 2 / 14, level: "high" });
    expect(m.series.map((b) => [b.bucketStart, b.deployments])).toEqual([
      ["2026-11-02", 1], // fe-at-from, Monday 2nd
      ["2026-11-09", 1], // fe-before-to, Sunday 15th
    ]);
    // Previous period [2026-10-19, 2026-11-02): fe-before-from only.
    expect(m.previousWindow).toEqual({ from: "2026-10-19T00:00:00.000Z", to: "2026-11-02T00:00:00.000Z" });
    expect(m.summary.deploymentFrequency.previous.deployments).toBe(1);
    expect(m.summary.deploymentFrequency.change.deployments).toBe(1); // 2 − 1

    const staging = await dora(app, { from: "2026-11-02T00:00:00Z", to: "2026-11-16T00:00:00Z", service: "freq-edges", environment: "staging" });
    expect(staging.summary.deploymentFrequency.deployments).toBe(1);
    expect(staging.filters).toEqual({ team: null, service: "freq-edges", environment: "staging" });
  });

  test("deploy days per week is the median of distinct days per week, weeks without deployments counted as zero", async () => {
    await send(app, [
      // Week of Nov 2: 3 deployments on 2 days (Mon, Mon, Tue).
      deploy("fd-1", "freq-days", "2026-11-02T10:00:00Z"),
      deploy("fd-2", "freq-days", "2026-11-02T15:00:00Z"),
      deploy("fd-3", "freq-days", "2026-11-03T09:00:00Z"),
      // Week of Nov 9: none.
      // Week of Nov 16: one a day Monday to Friday, 5 days.
      ...[16, 17, 18, 19, 20].map((day) => deploy(`fd-${day}`, "freq-days", `2026-11-${day}T12:00:00Z`)),
      // Week of Nov 23: 1 day.
      deploy("fd-25", "freq-days", "2026-11-25T08:00:00Z"),
    ]);
    const m = await dora(app, { from: "2026-11-02", to: "2026-11-30", service: "freq-days" });
    // Days per week [2, 0, 5, 1], sorted [0, 1, 2, 5]: median (1 + 2) / 2 = 1.5.
    // (Leaving out the empty week gives 2; the lower median 1; deployments instead of days [3,0,5,1] give 2.)
    expect(m.summary.deploymentFrequency).toMatchObject({ deployments: 9, perDay: 9 / 28, deployDaysPerWeekMedian: 1.5, level: "high" });
    expect(m.series.map((b) => [b.bucketStart, b.deployments, b.deployDays])).toEqual([
      ["2026-11-02", 3, 2],
      ["2026-11-09", 0, 0],
      ["2026-11-16", 5, 5],
      ["2026-11-23", 1, 1],
    ]);
    // The empty week is present with zero counts and no medians or rates.
    expect(m.series[1]).toMatchObject({ deployments: 0, leadTimeMedianHours: null, changeFailureRate: null, recoveryMedianHours: null, reworkRate: null });
  });

  test("the level counts deploy days, not deployments: a Monday burst is not elite (docs/metrics.md, Levels)", async () => {
    const mondays = [2, 9, 16, 23];
    await send(app, [
      // Ten deploys every Monday: 40 in 28 days, 1.43 a day, but one deploy day a week.
      ...mondays.flatMap((day) =>
        Array.from({ length: 10 }, (_, i) =>
          deploy(`burst-${day}-${i}`, "freq-burst", `2026-11-${String(day).padStart(2, "0")}T${String(8 + i).padStart(2, "0")}:00:00Z`),
        ),
      ),
      // Monday, Wednesday, Friday, once each.
      ...mondays.flatMap((day) => [0, 2, 4].map((d) => deploy(`mwf-${day + d}`, "freq-mwf", `2026-11-${String(day + d).padStart(2, "0")}T12:00:00Z`))),
      // Every working day, once: 20 in 28 days, 0.71 a day.
      ...mondays.flatMap((day) =>
        [0, 1, 2, 3, 4].map((d) => deploy(`wd-${day + d}`, "freq-weekdays", `2026-11-${String(day + d).padStart(2, "0")}T12:00:00Z`)),
      ),
    ]);
    const window = { from: "2026-11-02", to: "2026-11-30" };
    // Weeks [1, 1, 1, 1]: median 1 → high (elite needs 5), although 40 / 28 ≥ 1 a day.
    expect((await dora(app, { ...window, service: "freq-burst" })).summary.deploymentFrequency).toMatchObject({
      deployments: 40,
      perDay: 40 / 28,
      deployDaysPerWeekMedian: 1,
      level: "high",
    });
    // Weeks [3, 3, 3, 3]: median 3 → high.
    expect((await dora(app, { ...window, service: "freq-mwf" })).summary.deploymentFrequency).toMatchObject({
      deployments: 12,
      perDay: 12 / 28,
      deployDaysPerWeekMedian: 3,
      level: "high",
    });
    // Weeks [5, 5, 5, 5]: median 5 → elite, although 20 / 28 < 1 a day.
    expect((await dora(app, { ...window, service: "freq-weekdays" })).summary.deploymentFrequency).toMatchObject({
      deployments: 20,
      perDay: 20 / 28,
      deployDaysPerWeekMedian: 5,
      level: "elite",
    });
    // One deploy day in a 28-day window: median week 0; 1 × 30 / 28 ≥ 1 deploy day per 30 days → medium.
    expect((await dora(app, { from: "2026-11-23", to: "2026-12-21", service: "freq-burst" })).summary.deploymentFrequency).toMatchObject({
      deployDaysPerWeekMedian: 0,
      level: "medium",
    });
  });

  test("a window with no deployments: zero per day (level low), deploy days median 0", async () => {
    const m = await dora(app, { from: "2026-06-01", to: "2026-06-15", service: "freq-days" });
    expect(m.summary.deploymentFrequency).toMatchObject({ deployments: 0, perDay: 0, deployDaysPerWeekMedian: 0, level: "low" });
    expect(m.summary.changeFailureRate).toMatchObject({ deployments: 0, failed: 0, rate: null, level: null });
    expect(m.series).toHaveLength(2);
  });
});

describe("deployment rework rate", () => {
  test("rollbacks, hotfixes and deployments remediating an incident are rework; failed ones are not deployments", async () => {
    await send(app, [
      // Week of Nov 2
      deploy("rw-1", "rework", "2026-11-03T10:00:00Z"),
      deploy("rw-2", "rework", "2026-11-03T11:00:00Z", { kind: "hotfix" }),
      deploy("rw-3", "rework", "2026-11-04T10:00:00Z", { kind: "rollback", rollbackOfDeploymentId: "rw-1" }),
      // Week of Nov 9
      deploy("rw-4", "rework", "2026-11-10T10:00:00Z", { remediatesIncidentId: "inc-somewhere" }),
      deploy("rw-5", "rework", "2026-11-10T11:00:00Z", { kind: "hotfix", status: "failure" }),
      deploy("rw-6", "rework", "2026-11-11T10:00:00Z"),
    ]);
    const m = await dora(app, { from: "2026-11-02", to: "2026-11-16", service: "rework" });
    // Successful: rw-1, 2, 3, 4, 6 = 5; rework: rw-2 (hotfix), rw-3 (rollback), rw-4 (remediates) = 3.
    expect(m.summary.reworkRate).toMatchObject({ deployments: 5, rework: 3, rate: 3 / 5 });
    expect(m.summary.reworkRate).not.toHaveProperty("level"); // no published levels
    // Week of Nov 2: 2 of 3; week of Nov 9: 1 of 2.
    expect(m.series.map((b) => b.reworkRate)).toEqual([2 / 3, 1 / 2]);
    // rw-3 rolls back rw-1, so rw-1 also caused a failure: 1 of 5.
    expect(m.summary.changeFailureRate).toMatchObject({ deployments: 5, failed: 1, rate: 0.2 });
  });
});
