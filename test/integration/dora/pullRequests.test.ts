// Pull-request phases through GET /api/v1/metrics/pull-requests and tRPC dora.pullRequests
// (docs/metrics.md, "Pull-request phases"). Calendar: November 2026, Mondays the 2nd, 9th, 16th.
// Organisation time zone UTC. Every expected value is worked out by hand in the comments.
import type { AnyEventInput } from "@keel/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PullRequestMetrics } from "../../../server/src/services/getPullRequestMetrics.ts";
import { startTestApp, type TestApp, adminCaller } from "../../support/httpApp.ts";
import { deploy, send } from "./support.ts";

const repository = "acme/shop";
const change = (
  sha: string,
  prNumber: number,
  committedAt: string,
  pr: { prOpenedAt?: string; prFirstReviewAt?: string; prMergedAt?: string },
): AnyEventInput => ({
  type: "change",
  sha,
  repository,
  service: "pr-shop",
  committedAt,
  prNumber,
  ...pr,
});
const ship = (id: string, finishedAt: string, commits: [string, string][], extra: { environment?: string } = {}) =>
  deploy(id, "pr-shop", finishedAt, { repository, commits: commits.map(([sha, committedAt]) => ({ sha, committedAt })), ...extra });

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await send(app, [
    // PR 1, reviewed, two commits shipped by two deployments: counts once, at the first (d1).
    change("a1a1a1a1", 1, "2026-11-02T08:00:00Z", {
      prOpenedAt: "2026-11-02T14:00:00Z",
      prFirstReviewAt: "2026-11-03T14:00:00Z",
      prMergedAt: "2026-11-03T20:00:00Z",
    }),
    change("a2a2a2a2", 1, "2026-11-02T12:00:00Z", {
      prOpenedAt: "2026-11-02T14:00:00Z",
      prFirstReviewAt: "2026-11-03T14:00:00Z",
      prMergedAt: "2026-11-03T20:00:00Z",
    }),
    ship("pr-d1", "2026-11-04T08:00:00Z", [["a1a1a1a1", "2026-11-02T08:00:00Z"]]),
    ship("pr-d2", "2026-11-10T08:00:00Z", [["a2a2a2a2", "2026-11-02T12:00:00Z"]]),
    // PR 2, never reviewed: no pickup, no review.
    change("b1b1b1b1", 2, "2026-11-09T09:00:00Z", { prOpenedAt: "2026-11-09T10:00:00Z", prMergedAt: "2026-11-09T18:00:00Z" }),
    ship("pr-d3", "2026-11-10T06:00:00Z", [["b1b1b1b1", "2026-11-09T09:00:00Z"]]),
    // PR 3, merged, never deployed (a staging deployment is not production).
    change("c1c1c1c1", 3, "2026-11-05T09:00:00Z", {
      prOpenedAt: "2026-11-05T10:00:00Z",
      prFirstReviewAt: "2026-11-05T11:00:00Z",
      prMergedAt: "2026-11-05T12:00:00Z",
    }),
    ship("pr-s1", "2026-11-05T13:00:00Z", [["c1c1c1c1", "2026-11-05T09:00:00Z"]], { environment: "staging" }),
    // PR 4, merged on the 13th, deployed after the 16th; no opened or review time.
    change("e1e1e1e1", 4, "2026-11-12T09:00:00Z", { prMergedAt: "2026-11-13T10:00:00Z" }),
    ship("pr-d4", "2026-11-17T10:00:00Z", [["e1e1e1e1", "2026-11-12T09:00:00Z"]]),
    // A failed deployment ships nothing.
    deploy("pr-f1", "pr-shop", "2026-11-06T10:00:00Z", { repository, status: "failure", commits: [{ sha: "c1c1c1c1", committedAt: "2026-11-05T09:00:00Z" }] }),
  ]);
});
afterAll(() => app?.close());

async function prs(params: Record<string, string>): Promise<PullRequestMetrics> {
  const res = await app.request(`/api/v1/metrics/pull-requests?${new URLSearchParams({ service: "pr-shop", ...params })}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as PullRequestMetrics;
}

const phase = (medianHours: number | null, p90Hours: number | null, count: number) => ({ medianHours, p90Hours, count });

describe("pull-request phases", () => {
  test("two weeks: a PR never reviewed, one never deployed, one shipped by two deployments", async () => {
    const m = await prs({ from: "2026-11-02", to: "2026-11-16" });
    // PR 1 (first deployed Nov 4 08:00): coding 08:00→14:00 = 6 h; pickup Nov 2 14:00→Nov 3 14:00 = 24 h;
    //   review 14:00→20:00 = 6 h; deploy Nov 3 20:00→Nov 4 08:00 = 12 h; cycle Nov 2 08:00→Nov 4 08:00 = 48 h.
    // PR 2 (deployed Nov 10 06:00): coding 09:00→10:00 = 1 h; no review, so no pickup and no review;
    //   deploy Nov 9 18:00→Nov 10 06:00 = 12 h; cycle Nov 9 09:00→Nov 10 06:00 = 21 h.
    // Undeployed: PR 3 (staging only) and PR 4 (merged Nov 13, deployed after the window): 2.
    // Percentiles: coding [1, 6] median 3.5, p90 1 + 0.9 × 5 = 5.5; cycle [21, 48] median 34.5, p90 21 + 0.9 × 27 = 45.3.
    expect(m.summary).toEqual({
      pullRequests: 2,
      undeployed: 2,
      codingHours: phase(3.5, 5.5, 2),
      pickupHours: phase(24, 24, 1),
      reviewHours: phase(6, 6, 1),
      deployHours: phase(12, 12, 2),
      cycleHours: { medianHours: 34.5, p90Hours: expect.closeTo(45.3, 9), count: 2 },
    });
    expect(m.series).toEqual([
      {
        bucketStart: "2026-11-02",
        pullRequests: 1,
        codingHours: phase(6, 6, 1),
        pickupHours: phase(24, 24, 1),
        reviewHours: phase(6, 6, 1),
        deployHours: phase(12, 12, 1),
        cycleHours: phase(48, 48, 1),
      },
      // PR 1's second deployment (Nov 10) does not count it again.
      {
        bucketStart: "2026-11-09",
        pullRequests: 1,
        codingHours: phase(1, 1, 1),
        pickupHours: phase(null, null, 0),
        reviewHours: phase(null, null, 0),
        deployHours: phase(12, 12, 1),
        cycleHours: phase(21, 21, 1),
      },
    ]);
  });

  test("a PR counts in the window of its first deployment only; merged PRs not deployed by the window's end are undeployed", async () => {
    // [Nov 9, Nov 16): PR 1's second deployment is here but its first was earlier → only PR 2.
    // Merged here: PR 2 (deployed Nov 10) and PR 4 (not before Nov 16) → 1 undeployed.
    const second = await prs({ from: "2026-11-09", to: "2026-11-16" });
    expect(second.summary).toMatchObject({ pullRequests: 1, undeployed: 1, cycleHours: phase(21, 21, 1) });
    // [Nov 16, Nov 23): PR 4, deployed Nov 17 10:00. No opened or review time: coding, pickup and review
    // are left out (not zero); deploy Nov 13 10:00→Nov 17 10:00 = 96 h; cycle Nov 12 09:00→Nov 17 10:00 = 121 h.
    const third = await prs({ from: "2026-11-16", to: "2026-11-23" });
    expect(third.summary).toEqual({
      pullRequests: 1,
      undeployed: 0,
      codingHours: phase(null, null, 0),
      pickupHours: phase(null, null, 0),
      reviewHours: phase(null, null, 0),
      deployHours: phase(96, 96, 1),
      cycleHours: phase(121, 121, 1),
    });
    // Every bucket is present: an empty week has zero PRs and null phases.
    const empty = await prs({ from: "2026-10-19", to: "2026-11-02" });
    expect(empty.series.map((b) => [b.bucketStart, b.pullRequests, b.cycleHours.medianHours])).toEqual([
      ["2026-10-19", 0, null],
      ["2026-10-26", 0, null],
    ]);
    expect(empty.summary).toMatchObject({ pullRequests: 0, undeployed: 0, cycleHours: phase(null, null, 0) });
  });

  test("the environment filter: staging deployments deliver PR 3 (deploy Nov 5 12:00 → 13:00 = 1 h)", async () => {
    const m = await prs({ from: "2026-11-02", to: "2026-11-16", environment: "staging" });
    // Cycle Nov 5 09:00 → 13:00 = 4 h. Merged in the window and never on staging: PRs 1, 2 and 4 → 3 undeployed.
    expect(m.summary).toMatchObject({ pullRequests: 1, undeployed: 3, deployHours: phase(1, 1, 1), cycleHours: phase(4, 4, 1) });
    expect(m.filters).toEqual({ team: null, service: "pr-shop", environment: "staging" });
  });

  test("org-wide, a PR counts at its first deployment by any service; in a service's scope, at that service's first", async () => {
    // PR 5: merged Nov 5 20:00; shipped by pr-other on Nov 6 08:00 and by pr-shop on Nov 11 08:00.
    await send(app, [
      change("f5f5f5f5", 5, "2026-11-05T09:00:00Z", { prOpenedAt: "2026-11-05T10:00:00Z", prMergedAt: "2026-11-05T20:00:00Z" }),
      deploy("pr-o1", "pr-other", "2026-11-06T08:00:00Z", { repository, commits: [{ sha: "f5f5f5f5", committedAt: "2026-11-05T09:00:00Z" }] }),
      ship("pr-d5", "2026-11-11T08:00:00Z", [["f5f5f5f5", "2026-11-05T09:00:00Z"]]),
    ]);
    const org = async (from: string, to: string) => {
      const res = await app.request(`/api/v1/metrics/pull-requests?from=${from}&to=${to}`);
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as PullRequestMetrics;
    };
    // Org-wide [Nov 2, Nov 16): PRs 1 and 5 in the first week (5 deployed Nov 6: deploy 12 h), PR 2 in the second.
    const wide = await org("2026-11-02", "2026-11-16");
    expect(wide.series.map((b) => [b.bucketStart, b.pullRequests])).toEqual([
      ["2026-11-02", 2],
      ["2026-11-09", 1],
    ]);
    expect(wide.series[0]?.deployHours).toEqual(phase(12, 12, 2));
    // Org-wide [Nov 9, Nov 16): PR 5 was first deployed before the window: only PR 2.
    expect((await org("2026-11-09", "2026-11-16")).summary).toMatchObject({ pullRequests: 1, undeployed: 1 });
    // pr-shop's scope [Nov 9, Nov 16): PR 2 and PR 5 (pr-shop's first delivery of it, Nov 11:
    // deploy Nov 5 20:00 → Nov 11 08:00 = 132 h); deploy [12, 132]: median 72, p90 12 + 0.9 × 120 = 120.
    const shop = await prs({ from: "2026-11-09", to: "2026-11-16" });
    expect(shop.summary).toMatchObject({ pullRequests: 2, deployHours: phase(72, 120, 2) });
  });

  test("a deployment's commits may carry the PR's opened and first review times", async () => {
    await send(app, [
      deploy("pr-c1", "pr-commits", "2026-11-02T20:00:00Z", {
        repository,
        commits: [
          {
            sha: "f1f1f1f1",
            committedAt: "2026-11-02T08:00:00Z",
            prNumber: 7,
            prOpenedAt: "2026-11-02T10:00:00Z",
            prFirstReviewAt: "2026-11-02T13:00:00Z",
            prMergedAt: "2026-11-02T17:00:00Z",
          },
        ],
      }),
    ]);
    // Coding 08:00 → 10:00 = 2 h; pickup 10:00 → 13:00 = 3 h; review 13:00 → 17:00 = 4 h; deploy 17:00 → 20:00 = 3 h; cycle 12 h.
    expect((await prs({ from: "2026-11-02", to: "2026-11-09", service: "pr-commits" })).summary).toEqual({
      pullRequests: 1,
      undeployed: 0,
      codingHours: phase(2, 2, 1),
      pickupHours: phase(3, 3, 1),
      reviewHours: phase(4, 4, 1),
      deployHours: phase(3, 3, 1),
      cycleHours: phase(12, 12, 1),
    });
  });

  test("the same over tRPC; an unknown team is a 400 naming it", async () => {
    const caller = adminCaller(app);
    const viaTrpc = await caller.dora.pullRequests({ from: "2026-11-02", to: "2026-11-16", service: "pr-shop" });
    expect(viaTrpc.summary).toEqual((await prs({ from: "2026-11-02", to: "2026-11-16" })).summary);
    const res = await app.request("/api/v1/metrics/pull-requests?from=2026-11-02&to=2026-11-16&team=nope");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("team");
  });
});
