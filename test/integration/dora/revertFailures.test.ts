// The revertsAsFailures setting (docs/metrics.md §3, rule d): a merged revert of a commit that a
// deployment first shipped marks that deployment failed. Window [Nov 2, Nov 16) 2026, service rv-a.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appRouter } from "../../../server/src/trpc/router.ts";
import { adminContext, startTestApp, type TestApp } from "../../support/httpApp.ts";
import { deploy, deployCommit, dora, send } from "./support.ts";

const S1 = "1".repeat(40);
const S2 = "2".repeat(40);
const S3 = "3".repeat(40);
const R1 = "a".repeat(40);
const R2 = "b".repeat(40);
const R3 = "c".repeat(40);

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await send(app, [
    // d1 ships S1; R1 reverts it, merged through a pull request after d1 finished.
    deployCommit("rv-d1", "rv-a", "2026-11-03T10:00:00Z", S1, "2026-11-03T09:00:00Z"),
    { type: "change", sha: R1, service: "rv-a", committedAt: "2026-11-04T09:00:00Z", prNumber: 7, prMergedAt: "2026-11-04T10:00:00Z", revertsSha: S1 },
    // d2 ships S2; R2 reverts it in a pull request never merged: not counted.
    deployCommit("rv-d2", "rv-a", "2026-11-05T10:00:00Z", S2, "2026-11-05T09:00:00Z"),
    { type: "change", sha: R2, service: "rv-a", committedAt: "2026-11-06T09:00:00Z", prNumber: 8, prOpenedAt: "2026-11-06T09:30:00Z", revertsSha: S2 },
    // d3 ships S3; d4 ships R3, whose message says it reverts S3 (git revert's wording, no pull request).
    deployCommit("rv-d3", "rv-a", "2026-11-08T10:00:00Z", S3, "2026-11-08T09:00:00Z"),
    deploy("rv-d4", "rv-a", "2026-11-09T10:00:00Z", {
      commits: [{ sha: R3, committedAt: "2026-11-09T09:00:00Z", message: `Revert "Add S3"\n\nThis reverts commit ${S3}.\n` }],
    }),
  ]);
});
afterAll(() => app.close());

const window = { from: "2026-11-02", to: "2026-11-16", service: "rv-a" };

describe("reverts as change failures (revertsAsFailures)", () => {
  test("off (the default): a revert fails nothing", async () => {
    expect((await dora(app, window)).summary.changeFailureRate).toMatchObject({ deployments: 4, failed: 0, rate: 0 });
  });

  test("on: the deployments whose commits a merged revert undoes failed, with the revert as the reason", async () => {
    const caller = appRouter.createCaller(adminContext(app.database.prisma));
    await caller.settings.update({ revertsAsFailures: true });
    try {
      // d1 (R1 merged) and d3 (R3 shipped by d4); not d2 (R2 unmerged), not d4.
      expect((await dora(app, window)).summary.changeFailureRate).toMatchObject({ deployments: 4, failed: 2, rate: 0.5 });
      const d1 = await caller.deployments.get({ id: "rv-d1" });
      expect(d1.causes).toEqual([{ rule: "revert", incident: null, rollback: null, revertSha: R1 }]);
      const list = await caller.deployments.list({ ...window, environment: "production", offset: 0, limit: 50 });
      const reasons = Object.fromEntries(list.items.map((d) => [d.id, d.failureReasons.map((r) => `${r.rule}:${r.revertSha ?? ""}`)]));
      expect(reasons).toEqual({ "rv-d1": [`revert:${R1}`], "rv-d2": [], "rv-d3": [`revert:${R3}`], "rv-d4": [] });
    } finally {
      await caller.settings.update({ revertsAsFailures: false });
    }
    expect((await dora(app, window)).summary.changeFailureRate.failed).toBe(0);
  });
});
