// Lead time for changes through GET /api/v1/metrics/dora. percentile_cont(p) over n sorted values
// v[0..n-1] is v[k] + f·(v[k+1] − v[k]) with k + f = p·(n − 1): the arithmetic in the comments.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { deploy, deployCommit, dora, send } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const commit = (sha: string, committedAt: string) => ({ sha, committedAt });

describe("lead time for changes", () => {
  test("odd count: the middle value; p90 interpolated", async () => {
    await send(app, [
      deploy("lo-1", "lt-odd", "2026-11-03T12:00:00Z", {
        commits: [commit("odd00001", "2026-11-03T11:00:00Z"), commit("odd00002", "2026-11-03T10:00:00Z"), commit("odd00003", "2026-11-03T02:00:00Z")],
      }),
    ]);
    const m = await dora(app, { from: "2026-11-02", to: "2026-11-09", service: "lt-odd" });
    // Hours [1, 2, 10]: median 2 (the mean would be 4.33); p90: 0.9·2 = 1.8 → 2 + 0.8·(10 − 2) = 8.4.
    expect(m.summary.leadTime).toMatchObject({ changes: 3, medianHours: 2, level: "elite", excludedNegative: 0 });
    expect(m.summary.leadTime.p90Hours).toBeCloseTo(8.4, 10);
  });

  test("even count: the mean of the two middle values", async () => {
    await send(app, [
      deploy("le-1", "lt-even", "2026-11-04T12:00:00Z", {
        commits: [
          commit("even0001", "2026-11-04T11:00:00Z"),
          commit("even0002", "2026-11-04T10:00:00Z"),
          commit("even0003", "2026-11-04T08:00:00Z"),
          commit("even0004", "2026-11-04T02:00:00Z"),
        ],
      }),
    ]);
    const m = await dora(app, { from: "2026-11-02", to: "2026-11-09", service: "lt-even" });
    // Hours [1, 2, 4, 10]: median (2 + 4) / 2 = 3 (the lower median would be 2);
    // p90: 0.9·3 = 2.7 → 4 + 0.7·(10 − 4) = 8.2.
    expect(m.summary.leadTime).toMatchObject({ changes: 4, medianHours: 3 });
    expect(m.summary.leadTime.p90Hours).toBeCloseTo(8.2, 10);
  });

  test("a change counts once, at the first successful deployment of its service to the environment that shipped it", async () => {
    // Shipped before the window (Nov 1), shipped again in it: not counted in the window.
    await send(app, [deployCommit("lw-a", "lt-twice", "2026-11-01T12:00:00Z", "before01", "2026-11-01T10:00:00Z")]);
    await send(app, [
      deploy("lw-b", "lt-twice", "2026-11-10T12:00:00Z", {
        commits: [commit("before01", "2026-11-01T10:00:00Z"), commit("twice001", "2026-11-10T08:00:00Z")],
      }),
      // A failed deployment and a staging deployment shipped two of them first: they do not count.
      deployCommit("lw-f", "lt-twice", "2026-11-10T10:00:00Z", "failed01", "2026-11-10T09:00:00Z", { status: "failure" }),
      deployCommit("lw-s", "lt-twice", "2026-11-10T07:00:00Z", "stage001", "2026-11-10T06:00:00Z", { environment: "staging" }),
    ]);
    await send(app, [
      deploy("lw-c", "lt-twice", "2026-11-11T12:00:00Z", {
        commits: [commit("twice001", "2026-11-10T08:00:00Z"), commit("failed01", "2026-11-10T09:00:00Z"), commit("stage001", "2026-11-10T06:00:00Z")],
      }),
    ]);
    const m = await dora(app, { from: "2026-11-09", to: "2026-11-16", service: "lt-twice" });
    // twice001 at lw-b: Nov 10 12:00 − 08:00 = 4 h (not again at lw-c: 28 h)
    // failed01 at lw-c: Nov 11 12:00 − Nov 10 09:00 = 27 h (lw-f failed)
    // stage001 at lw-c: Nov 11 12:00 − Nov 10 06:00 = 30 h (lw-s was staging)
    // before01: first shipped by lw-a before the window: not counted.
    // [4, 27, 30]: median 27 → high (1 day to 1 week); p90: 0.9·2 = 1.8 → 27 + 0.8·3 = 29.4.
    expect(m.summary.leadTime).toMatchObject({ changes: 3, medianHours: 27, level: "high" });
    expect(m.summary.leadTime.p90Hours).toBeCloseTo(29.4, 10);

    // In staging, stage001 shipped first by lw-s: 1 h.
    const staging = await dora(app, { from: "2026-11-09", to: "2026-11-16", service: "lt-twice", environment: "staging" });
    expect(staging.summary.leadTime).toMatchObject({ changes: 1, medianHours: 1 });
    // The previous period [Nov 2, Nov 9) does not contain lw-a (Nov 1) either.
    expect(m.summary.leadTime.previous.changes).toBe(0);
  });

  test("the bucket is the deployment's week; exactly one day is high, not elite", async () => {
    await send(app, [deployCommit("lb-1", "lt-bucket", "2026-11-09T12:00:00Z", "bucket01", "2026-11-08T12:00:00Z")]);
    const m = await dora(app, { from: "2026-11-02", to: "2026-11-16", service: "lt-bucket" });
    // Committed Sunday Nov 8 (week of Nov 2), deployed Monday Nov 9: the week of Nov 9, 24 h.
    expect(m.series.map((b) => [b.bucketStart, b.leadTimeMedianHours, b.changes])).toEqual([
      ["2026-11-02", null, 0],
      ["2026-11-09", 24, 1],
    ]);
    expect(m.summary.leadTime.level).toBe("high"); // elite is "< 1 day"
  });

  test("negative spans are excluded and counted; zero is kept; deployments without commits are listed", async () => {
    await send(app, [
      deploy("ln-1", "lt-neg", "2026-11-03T12:00:00Z", {
        commits: [commit("neg00001", "2026-11-03T13:00:00Z"), commit("pos00001", "2026-11-03T11:00:00Z"), commit("zero0001", "2026-11-03T12:00:00Z")],
      }),
      deploy("ln-bare", "lt-neg", "2026-11-04T12:00:00Z"),
    ]);
    const m = await dora(app, { from: "2026-11-02", to: "2026-11-09", service: "lt-neg" });
    // neg00001: −1 h, excluded; pos00001 1 h, zero0001 0 h: median 0.5.
    expect(m.summary.leadTime).toMatchObject({ changes: 2, medianHours: 0.5, excludedNegative: 1 });
    expect(m.dataQuality.changesWithNegativeLeadTime).toEqual({ count: 1, examples: ["neg00001"] });
    expect(m.dataQuality.deploymentsWithoutCommits).toEqual({ count: 1, examples: ["ln-bare"] });
  });

  test("a commit shipped by two services counts once for each service", async () => {
    await send(app, [deployCommit("lm-a", "mono-a", "2026-11-03T12:00:00Z", "mono0001", "2026-11-03T10:00:00Z", { team: "mono-team" })]);
    await send(app, [deployCommit("lm-b", "mono-b", "2026-11-03T16:00:00Z", "mono0001", "2026-11-03T10:00:00Z", { team: "mono-team" })]);
    const m = await dora(app, { from: "2026-11-02", to: "2026-11-09", team: "mono-team" });
    // mono-a: 2 h, mono-b: 6 h → median 4.
    expect(m.summary.leadTime).toMatchObject({ changes: 2, medianHours: 4 });
  });
});
