// Weeks start Monday 00:00 in the organisation's time zone, dates in `from`/`to` are local dates,
// and a day is a local calendar day (product.md "Metric definitions").
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { clearSetting, deploy, dora, send, setSetting } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterEach(() => clearSetting(app, "timeZone"));
afterAll(() => app.close());

describe("organisation time zone", () => {
  test("Asia/Tokyo (UTC+9): the window, the weeks and the days are Tokyo's", async () => {
    await setSetting(app, "timeZone", "Asia/Tokyo");
    await send(app, [
      deploy("tk-1", "tz-tokyo", "2026-11-15T16:00:00Z"), // Mon Nov 16 01:00 in Tokyo (Sunday in UTC)
      deploy("tk-2", "tz-tokyo", "2026-11-15T14:00:00Z"), // Sun Nov 15 23:00 in Tokyo: before the window
      deploy("tk-3", "tz-tokyo", "2026-11-24T14:00:00Z"), // Tue Nov 24 23:00 in Tokyo
      deploy("tk-4", "tz-tokyo", "2026-11-24T16:00:00Z"), // Wed Nov 25 01:00 in Tokyo (same UTC day as tk-3)
      deploy("tk-5", "tz-tokyo", "2026-11-29T14:59:59Z"), // Sun Nov 29 23:59:59 in Tokyo: last second of the window
      deploy("tk-6", "tz-tokyo", "2026-11-29T15:00:00Z"), // Mon Nov 30 00:00 in Tokyo: == to, excluded
    ]);
    const m = await dora(app, { from: "2026-11-16", to: "2026-11-30", service: "tz-tokyo" });
    expect(m.timeZone).toBe("Asia/Tokyo");
    expect(m.window).toEqual({ from: "2026-11-15T15:00:00.000Z", to: "2026-11-29T15:00:00.000Z" });
    // Week of Nov 16: tk-1 (1 day). Week of Nov 23: tk-3, tk-4, tk-5 on Tue, Wed, Sun (3 days; in UTC
    // tk-3 and tk-4 share Nov 24 and tk-1 would fall in the week of Nov 9).
    expect(m.series.map((b) => [b.bucketStart, b.deployments, b.deployDays])).toEqual([
      ["2026-11-16", 1, 1],
      ["2026-11-23", 3, 3],
    ]);
    // Days per week [1, 3] → 2; 4 deployments over 14 days.
    expect(m.summary.deploymentFrequency).toMatchObject({ deployments: 4, perDay: 4 / 14, deployDaysPerWeekMedian: 2 });
    // Previous period: Tokyo's Nov 2 to Nov 16, holding tk-2.
    expect(m.previousWindow).toEqual({ from: "2026-11-01T15:00:00.000Z", to: "2026-11-15T15:00:00.000Z" });
    expect(m.summary.deploymentFrequency.previous.deployments).toBe(1);
  });

  test("America/Los_Angeles across the end of daylight saving: 7 local days, one Monday-to-Sunday week", async () => {
    await setSetting(app, "timeZone", "America/Los_Angeles");
    // One deployment at 23:30 local on each day Mon Oct 26 .. Sun Nov 1 2026; clocks go back on Nov 1.
    const at = [
      "2026-10-27T06:30:00Z",
      "2026-10-28T06:30:00Z",
      "2026-10-29T06:30:00Z",
      "2026-10-30T06:30:00Z",
      "2026-10-31T06:30:00Z",
      "2026-11-01T06:30:00Z",
      "2026-11-02T07:30:00Z",
    ];
    await send(
      app,
      at.map((t, i) => deploy(`la-${i}`, "tz-la", t)),
    );
    const m = await dora(app, { from: "2026-10-26", to: "2026-11-02", service: "tz-la" });
    // Oct 26 00:00 PDT (UTC−7) to Nov 2 00:00 PST (UTC−8): 169 hours, 7 local days.
    expect(m.window).toEqual({ from: "2026-10-26T07:00:00.000Z", to: "2026-11-02T08:00:00.000Z" });
    // 7 deployments / 7 days = 1 per day: elite. (Over 169/24 elapsed days it would be 0.994: high.)
    expect(m.summary.deploymentFrequency).toMatchObject({ deployments: 7, perDay: 1, deployDaysPerWeekMedian: 7, level: "elite" });
    // All in LA's week of Oct 26 (in UTC the last one is Monday Nov 2).
    expect(m.series.map((b) => [b.bucketStart, b.deployments, b.deployDays])).toEqual([["2026-10-26", 7, 7]]);
    expect(m.previousWindow).toEqual({ from: "2026-10-19T07:00:00.000Z", to: "2026-10-26T07:00:00.000Z" });
  });

  test("a date-time with an offset is that instant, whatever the time zone", async () => {
    await setSetting(app, "timeZone", "Asia/Tokyo");
    const m = await dora(app, { from: "2026-11-16T00:00:00Z", to: "2026-11-23T00:00:00Z", service: "tz-tokyo" });
    expect(m.window).toEqual({ from: "2026-11-16T00:00:00.000Z", to: "2026-11-23T00:00:00.000Z" });
    // Nov 16 00:00Z is Monday 09:00 in Tokyo, Nov 23 00:00Z Monday 09:00 the week after: two buckets.
    expect(m.series.map((b) => b.bucketStart)).toEqual(["2026-11-16", "2026-11-23"]);
  });
});
