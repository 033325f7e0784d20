// Flaky detection and its cost through the API (product.md "Flaky tests", "Cost model"): every
// scenario on its own service, the expected figures worked out by hand with the cost model's
// defaults (context switch 23 min, wait factor 0.5, $100/h, CI $0.008/min).
// Window [2026-10-01, 2026-11-01) UTC unless said otherwise.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { attempt, caller, failThenRerun, CONTEXT_SWITCH_H, flakyTests, type FlakyTests, upload, OCTOBER, TESTS } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const window = OCTOBER;
const find = (r: FlakyTests, name: string, service: string) => r.tests.find((t) => t.name === name && t.service === service);

describe("flaky tests", () => {
  test("fails on attempt 1 and passes on the retry of the same sha: flaky and blocking, costed with the rerun's duration", async () => {
    await failThenRerun(app, "r", "svc-retry", "sharetry", ["a"], {
      failed: ["2026-10-05T10:00:00Z", "2026-10-05T10:10:00Z"],
      rerun: ["2026-10-05T10:15:00Z", "2026-10-05T10:27:00Z"],
    });
    const t = find(await flakyTests(app, { ...window, service: "svc-retry" }), "a", "svc-retry");
    // One blocking flaky failure; the rerun (attempt 2) took 12 min.
    // hours = 23/60 + 0.5 × 12/60 = 0.383333 + 0.1 = 0.483333
    // cost  = 0.483333 × $100 + 12 min × $0.008 = 48.3333 + 0.096 = $48.43
    expect(t).toMatchObject({ suite: "cost.Suite", flakyFailures: 1, blockingFailures: 1, state: "flaky", costUsd: 48.43, fixEffortHours: 4 });
    expect(t?.hoursLost).toBeCloseTo(CONTEXT_SWITCH_H + 0.5 * 0.2, 10);
    // Payback: 4 h ÷ (0.483333 h over a 31-day window = 0.109140 h/week) = 36.65 weeks.
    expect(t?.paybackWeeks).toBeCloseTo(4 / (0.4833333333 / (31 / 7)), 6);
    expect(t?.history.find((w) => w.bucketStart === "2026-10-05")).toMatchObject({ flakyFailures: 1, blockingFailures: 1 });

    // The team's estimate of the fix: 8 hours doubles the payback; null returns to the default.
    await caller(app).flaky.setFixEffort({ testId: t?.id ?? 0, hours: 8 });
    const estimated = find(await flakyTests(app, { ...window, service: "svc-retry" }), "a", "svc-retry");
    expect(estimated).toMatchObject({ fixEffortHours: 8, fixEffortIsEstimate: true });
    expect(estimated?.paybackWeeks).toBeCloseTo(2 * (t?.paybackWeeks ?? 0), 10);
    await caller(app).flaky.setFixEffort({ testId: t?.id ?? 0, hours: null });
    expect(find(await flakyTests(app, { ...window, service: "svc-retry" }), "a", "svc-retry")).toMatchObject({ fixEffortHours: 4, fixEffortIsEstimate: false });
    await expect(caller(app).flaky.setFixEffort({ testId: 999_999, hours: 2 })).rejects.toThrow(/No test/);
  });

  test("fails on every attempt: broken, not flaky, no hours", async () => {
    await failThenRerun(app, "b", "svc-broken", "shabroken", ["a"], {
      failed: ["2026-10-06T10:00:00Z", "2026-10-06T10:10:00Z"],
      rerun: ["2026-10-06T10:20:00Z", "2026-10-06T10:30:00Z"],
      rerunFailing: ["a"],
    });
    const r = await flakyTests(app, { ...window, service: "svc-broken" });
    expect(r.tests).toEqual([]);
    expect(r.brokenTests).toEqual([expect.objectContaining({ name: "a", shas: 1, failedExecutions: 2 })]);
    const hours = (await caller(app).costs.hoursLost({ ...window, service: "svc-broken" })).summary;
    expect(hours).toMatchObject({ flakyTests: 0, total: 0, costUsd: 0 });
  });

  test("a Surefire flakyFailure inside a passing build: flaky, not blocking, no hours", async () => {
    await attempt(
      app,
      { id: "s-a1", service: "svc-surefire", sha: "shasure", status: "success", startedAt: "2026-10-07T10:00:00Z", finishedAt: "2026-10-07T10:10:00Z" },
      [],
    );
    await upload(app, "s-a1", [
      { classname: "cost.Suite", name: "a", status: "passed", flakyFailures: 1 },
      { classname: "cost.Suite", name: "b", status: "passed" },
    ]);
    const t = find(await flakyTests(app, { ...window, service: "svc-surefire" }), "a", "svc-surefire");
    expect(t).toMatchObject({ flakyFailures: 1, blockingFailures: 0, hoursLost: 0, costUsd: 0, state: "flaky", paybackWeeks: null });
  });

  test("an infrastructure outage (more than 50% failed) is excluded from flakiness and reported apart; exactly 50% is not an outage", async () => {
    // Outage: 3 of 4 failed (75%). The rerun passes: without the exclusion, a, b and c would be flaky.
    await failThenRerun(app, "o", "svc-outage", "shaout1", ["a", "b", "c"], {
      failed: ["2026-10-08T10:00:00Z", "2026-10-08T10:02:00Z"],
      rerun: ["2026-10-08T10:05:00Z", "2026-10-08T10:15:00Z"],
    });
    // Not an outage: 2 of 4 failed (50%, not more). Both are flaky and blocking, sharing one rerun of 15 min.
    await failThenRerun(app, "h", "svc-half", "shahalf", ["a", "b"], {
      failed: ["2026-10-08T11:00:00Z", "2026-10-08T11:10:00Z"],
      rerun: ["2026-10-08T11:15:00Z", "2026-10-08T11:30:00Z"],
    });

    const outage = await flakyTests(app, { ...window, service: "svc-outage" });
    expect(outage.tests).toEqual([]);
    expect(outage.infrastructureOutages).toEqual([expect.objectContaining({ buildId: "o-a1", tests: 4, failed: 3 })]);

    const half = await flakyTests(app, { ...window, service: "svc-half" });
    expect(half.infrastructureOutages).toEqual([]);
    expect(half.tests.map((t) => t.name).sort()).toEqual(["a", "b"]);
    for (const t of half.tests) {
      // hours each = 23/60 + 0.5 × 15/60 = 0.383333 + 0.125 = 0.508333 (the formula sums per blocking failure)
      // CI: the one 15-minute rerun is shared: 7.5 min each × $0.008 = $0.06
      // cost each = 50.8333 + 0.06 = $50.89
      expect(t.hoursLost).toBeCloseTo(CONTEXT_SWITCH_H + 0.125, 10);
      expect(t.costUsd).toBe(50.89);
    }
    const hours = (await caller(app).costs.hoursLost({ ...window, service: "svc-half" })).summary;
    // CI minutes: 15 (one rerun), not 30.
    expect(hours.ciMinutes).toBeCloseTo(15, 10);
    expect(hours.costByCause.flakyTests).toBe(101.79); // 2 × 50.8333 + 15 × 0.008 = 101.6667 + 0.12
  });

  test("no rerun on the same sha and pipeline: the failed attempt's duration; a replaced report updates flakiness", async () => {
    // The test passed on this sha in the nightly pipeline, then failed the ci pipeline's attempt 1,
    // which has no attempt 2: the rerun is unknown, so its own 8 minutes are used.
    await attempt(
      app,
      {
        id: "n-nightly",
        service: "svc-norerun",
        sha: "shanone",
        pipeline: "nightly",
        status: "success",
        startedAt: "2026-10-09T09:00:00Z",
        finishedAt: "2026-10-09T09:30:00Z",
      },
      TESTS,
    );
    await attempt(
      app,
      {
        id: "n-ci",
        service: "svc-norerun",
        sha: "shanone",
        pipeline: "ci",
        status: "failure",
        startedAt: "2026-10-09T10:00:00Z",
        finishedAt: "2026-10-09T10:08:00Z",
      },
      TESTS,
      ["a"],
    );
    let t = find(await flakyTests(app, { ...window, service: "svc-norerun" }), "a", "svc-norerun");
    // hours = 23/60 + 0.5 × 8/60 = 0.383333 + 0.066667 = 0.45; cost = 45 + 8 × 0.008 = $45.06
    expect(t?.hoursLost).toBeCloseTo(0.45, 10);
    expect(t?.costUsd).toBe(45.06);
    const hours = (await caller(app).costs.hoursLost({ ...window, service: "svc-norerun" })).summary;
    expect(hours.counts).toMatchObject({ blockingFailures: 1, rerunsUnknown: 1 });

    // The nightly report is sent again, now with "a" failing: no pass on the sha any more, so the
    // pair is recomputed: no longer flaky, and broken (failed on both of its runs).
    await upload(
      app,
      "n-nightly",
      TESTS.map((name) => ({ classname: "cost.Suite", name, status: name === "a" ? "failed" : "passed" })),
    );
    const after = await flakyTests(app, { ...window, service: "svc-norerun" });
    t = find(after, "a", "svc-norerun");
    expect(t).toBeUndefined();
    expect(after.brokenTests.map((b) => b.name)).toEqual(["a"]);
  });

  test("fixed: 20 runs over 14 days with no flaky failure; the fix date is the last flaky failure; cost avoided", async () => {
    const svc = "svc-fixed";
    // Flaky failure 1 (before the window): Sep 28, rerun of 10 min. hours = 0.383333 + 0.5 × 10/60 = 0.466667
    await failThenRerun(app, "f1", svc, "shaf1", ["a"], {
      failed: ["2026-09-28T10:00:00Z", "2026-09-28T10:10:00Z"],
      rerun: ["2026-09-28T10:15:00Z", "2026-09-28T10:25:00Z"],
    });
    // Flaky failure 2, the last one: Oct 1 10:10 (the fix date), rerun of 20 min. hours = 0.383333 + 0.5 × 20/60 = 0.55
    await failThenRerun(app, "f2", svc, "shaf2", ["a"], {
      failed: ["2026-10-01T10:00:00Z", "2026-10-01T10:10:00Z"],
      rerun: ["2026-10-01T10:20:00Z", "2026-10-01T10:40:00Z"],
    });
    // 19 more passing runs, one a day, Oct 2 to Oct 20 (with f2-a2: 20 runs; the last 19 days after the fix).
    for (let day = 2; day <= 20; day++) {
      const d = String(day).padStart(2, "0");
      await attempt(
        app,
        { id: `f-ok-${d}`, service: svc, sha: `shaok${d}`, status: "success", startedAt: `2026-10-${d}T12:00:00Z`, finishedAt: `2026-10-${d}T12:05:00Z` },
        TESTS,
      );
    }
    const r = await flakyTests(app, { ...window, service: svc });
    const t = find(r, "a", svc);
    expect(t).toMatchObject({
      state: "fixed",
      fixDate: "2026-10-01T10:10:00.000Z",
      flakyFailures: 1,
      paybackWeeks: null,
      firstSeen: "2026-09-28T10:10:00.000Z",
    });

    // 19 runs since the fix are not enough: as of Oct 20 12:00 (before the last run) it is still flaky.
    const early = await flakyTests(app, { from: "2026-10-01", to: "2026-10-20T12:00:00Z", service: svc });
    expect(find(early, "a", svc)?.state).toBe("flaky");

    // Cost avoided as of the window's end, Nov 1 00:00:
    //   the 4 weeks before the fix (Sep 3 10:10, Oct 1 10:10] hold both failures:
    //   hours = 0.466667 + 0.55 = 1.016667 → 0.254167 h/week;
    //   dollars = 101.6667 + (10 + 20) min × $0.008 = 101.9067 → $25.4767/week;
    //   weeks since the fix = (Nov 1 00:00 − Oct 1 10:10) = 30 d 13 h 50 min = 30.576389 d = 4.368056 weeks;
    //   hours avoided = 0.254167 × 4.368056 = 1.110214; dollars = 25.4767 × 4.368056 = $111.28.
    const avoided = (await caller(app).costs.hoursLost({ ...window, service: svc })).costAvoided.fixedTests;
    const weeks = (Date.parse("2026-11-01T00:00:00Z") - Date.parse("2026-10-01T10:10:00Z")) / (7 * 86_400_000);
    expect(avoided.tests).toHaveLength(1);
    expect(avoided.tests[0]?.weeksSinceFix).toBeCloseTo(weeks, 10);
    expect(avoided.tests[0]?.weeklyHoursBefore).toBeCloseTo(1.0166666667 / 4, 8);
    expect(avoided.hours).toBeCloseTo((1.0166666667 / 4) * weeks, 8);
    expect(avoided.costUsd).toBe(111.28);
  });
});
