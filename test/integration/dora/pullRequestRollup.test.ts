// The pull-request rollups (PullRequestSummary, PullRequestDelivery) are kept by database triggers,
// and the pull-request phases read only them. Every write that can move a PR's timestamps, services
// or first deliveries must move them: after each step, the rollups are compared with the same facts
// computed from Change and ChangeDelivery directly (docs/metrics.md, "Pull-request phases").
import type { AnyEventInput } from "@keel/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { deploy, send } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const repository = "acme/rollup";
const change = (sha: string, prNumber: number | undefined, committedAt: string, extra: Record<string, unknown> = {}): AnyEventInput => ({
  type: "change",
  sha,
  repository,
  service: "rollup-api",
  committedAt,
  ...(prNumber === undefined ? {} : { prNumber }),
  ...extra,
});
const ship = (id: string, service: string, finishedAt: string, shas: string[], extra: Record<string, unknown> = {}) =>
  deploy(id, service, finishedAt, { repository, commits: shas.map((sha) => ({ sha, committedAt: "2026-11-01T00:00:00Z" })), ...extra });

const q = (sql: string) => app.database.prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql);

/** The rollups and the straightforward computation, as comparable text rows. */
async function both(): Promise<{ stored: string[]; computed: string[] }> {
  const summary = await q(`
    SELECT repository || '#' || "prNumber" || ' ' || "firstCommitAt"::text || ' ' || coalesce("openedAt"::text, '-') || ' ' ||
           coalesce("reviewedAt"::text, '-') || ' ' || coalesce("mergedAt"::text, '-') || ' ' || array_to_string(ARRAY(SELECT unnest("serviceIds")::text ORDER BY 1), ',') AS row
    FROM "PullRequestSummary" WHERE repository = '${repository}'`);
  const summaryFresh = await q(`
    SELECT repository || '#' || "prNumber" || ' ' || min("committedAt")::text || ' ' || coalesce(min("prOpenedAt")::text, '-') || ' ' ||
           coalesce(min("prFirstReviewAt")::text, '-') || ' ' || coalesce(min("prMergedAt")::text, '-') || ' ' ||
           array_to_string(ARRAY(SELECT DISTINCT x::text FROM unnest(array_agg("serviceId")) x WHERE x IS NOT NULL ORDER BY 1), ',') AS row
    FROM "Change" WHERE repository = '${repository}' AND "prNumber" IS NOT NULL GROUP BY repository, "prNumber"`);
  const deliveries = await q(`
    SELECT repository || '#' || "prNumber" || ' ' || "environmentId" || ' ' || "serviceId" || ' ' || "deployedAt"::text || ' ' ||
           "firstInEnvironmentAt"::text || ' ' || "firstCommitAt"::text || ' ' || coalesce("openedAt"::text, '-') || ' ' ||
           coalesce("reviewedAt"::text, '-') || ' ' || coalesce("mergedAt"::text, '-') AS row
    FROM "PullRequestDelivery" WHERE repository = '${repository}'`);
  const deliveriesFresh = await q(`
    WITH facts AS (
      SELECT repository, "prNumber", min("committedAt") AS f, min("prOpenedAt") AS o, min("prFirstReviewAt") AS r, min("prMergedAt") AS m
      FROM "Change" WHERE repository = '${repository}' AND "prNumber" IS NOT NULL GROUP BY 1, 2
    ), firsts AS (
      SELECT c.repository, c."prNumber", cd."environmentId", cd."serviceId", min(cd."finishedAt") AS d
      FROM "Change" c JOIN "ChangeDelivery" cd ON cd."changeId" = c.id
      WHERE c.repository = '${repository}' AND c."prNumber" IS NOT NULL GROUP BY 1, 2, 3, 4
    )
    SELECT x.repository || '#' || x."prNumber" || ' ' || x."environmentId" || ' ' || x."serviceId" || ' ' || x.d::text || ' ' ||
           (SELECT min(y.d) FROM firsts y WHERE y.repository = x.repository AND y."prNumber" = x."prNumber" AND y."environmentId" = x."environmentId")::text || ' ' ||
           facts.f::text || ' ' || coalesce(facts.o::text, '-') || ' ' || coalesce(facts.r::text, '-') || ' ' || coalesce(facts.m::text, '-') AS row
    FROM firsts x JOIN facts USING (repository, "prNumber")`);
  const rows = (r: Record<string, unknown>[]) => r.map((x) => String(x.row)).sort();
  return { stored: [...rows(summary), ...rows(deliveries)], computed: [...rows(summaryFresh), ...rows(deliveriesFresh)] };
}

async function expectInStep(rows: number): Promise<void> {
  const { stored, computed } = await both();
  expect(stored).toEqual(computed);
  expect(stored).toHaveLength(rows);
}

describe("the pull-request rollups follow every write", () => {
  test("changes, deliveries, a deployment turning failed, a PR renumbered, a change deleted", async () => {
    // PR 7 with two commits, shipped by one deployment; a commit with no PR is no PR.
    await send(app, [
      change("rr01", 7, "2026-11-02T08:00:00Z", { prOpenedAt: "2026-11-02T10:00:00Z", prMergedAt: "2026-11-03T10:00:00Z" }),
      change("rr02", 7, "2026-11-02T09:00:00Z", { prOpenedAt: "2026-11-02T10:00:00Z", prMergedAt: "2026-11-03T10:00:00Z" }),
      change("rr09", undefined, "2026-11-02T09:30:00Z"),
      ship("rd1", "rollup-api", "2026-11-04T10:00:00Z", ["rr01", "rr09"]),
    ]);
    await expectInStep(2); // one summary, one delivery

    // A first review arrives later (latest state of the change), and r2 ships earlier from another service.
    await send(app, [
      change("rr02", 7, "2026-11-02T09:00:00Z", {
        prOpenedAt: "2026-11-02T10:00:00Z",
        prFirstReviewAt: "2026-11-02T15:00:00Z",
        prMergedAt: "2026-11-03T10:00:00Z",
      }),
      ship("rd2", "rollup-worker", "2026-11-03T12:00:00Z", ["rr02"]),
    ]);
    await expectInStep(3);
    const [summary] = await q(`SELECT "reviewedAt"::text AS r, cardinality("serviceIds") AS n FROM "PullRequestSummary" WHERE repository = '${repository}'`);
    expect(summary).toEqual({ r: "2026-11-02 15:00:00+00", n: 1 });

    // The earlier deployment turns out failed (latest state wins): its delivery goes.
    await send(app, [ship("rd2", "rollup-worker", "2026-11-03T12:00:00Z", ["rr02"], { status: "failure" })]);
    await expectInStep(2);

    // r2 moves to PR 8 by hand: both PRs recomputed; the earlier first commit leaves PR 7.
    await app.database.prisma.$executeRawUnsafe(`UPDATE "Change" SET "prNumber" = 8 WHERE repository = '${repository}' AND sha = 'rr02'`);
    await expectInStep(3);

    // r1 deleted (its links go with it): PR 7 has no change left, and no delivery.
    await app.database.prisma.change.deleteMany({ where: { repository, sha: "rr01" } });
    await expectInStep(1);
    expect(await q(`SELECT "prNumber" FROM "PullRequestSummary" WHERE repository = '${repository}'`)).toEqual([{ prNumber: 8 }]);
  });
});
