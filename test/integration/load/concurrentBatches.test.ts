// Forty batches at once whose deployments ship overlapping commits, in different orders: on
// PostgreSQL these used to deadlock (40P01 in upsertChanges) or race on a new change's unique key
// and answer 500. Every batch must answer 200 and the stored result must be exactly what was sent.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const SHAS = Array.from({ length: 24 }, (_, i) => `c0ffee${String(i).padStart(4, "0")}`);

/** Batch b: five deployments, each shipping eight shared commits, rotated and some reversed. */
function batch(b: number) {
  const deployments = Array.from({ length: 5 }, (_, d) => {
    const start = (b * 7 + d * 5) % SHAS.length;
    const picked = Array.from({ length: 8 }, (_, k) => SHAS[(start + k) % SHAS.length] as string);
    if ((b + d) % 2 === 1) picked.reverse();
    return {
      type: "deployment",
      id: `dep-${b}-${d}`,
      service: ["api", "web", "worker"][(b + d) % 3],
      status: "success",
      finishedAt: `2026-11-${String(10 + (b % 10)).padStart(2, "0")}T12:00:00Z`,
      commits: picked.map((sha) => ({ sha, committedAt: "2026-11-09T10:00:00Z", message: `feat: ${sha}` })),
    };
  });
  // Change events for some of the same shas, carrying PR data the commits lack.
  const changes = [SHAS[b % SHAS.length], SHAS[(b * 3 + 1) % SHAS.length]].map((sha) => ({
    type: "change",
    sha,
    committedAt: "2026-11-09T10:00:00Z",
    prNumber: 100 + SHAS.indexOf(sha as string),
  }));
  return { events: [...deployments, ...changes] };
}

describe("concurrent batches sharing commits", () => {
  test("40 at once all answer 200 and store each change once, linked to every deployment that shipped it", async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, b) => app.request("/api/v1/events", { json: batch(b) })));
    const statuses = answers.map((r) => r.status);
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(
      statuses.filter((s) => s !== 200),
      JSON.stringify(bodies.find((b) => b.error)),
    ).toEqual([]);

    const db = app.database.prisma;
    expect(await db.deployment.count()).toBe(200);
    const changes = await db.change.findMany({ select: { sha: true, prNumber: true, repository: true } });
    expect(changes.map((c) => c.sha).sort()).toEqual([...SHAS].sort());
    for (const change of changes) expect(change.prNumber).toBe(100 + SHAS.indexOf(change.sha));
    expect(await db.deploymentChange.count()).toBe(200 * 8);
    const one = await db.deploymentChange.findMany({ where: { deploymentId: "dep-7-3" }, include: { change: true } });
    const expected = batch(7).events.find((e) => "id" in e && e.id === "dep-7-3") as { commits: { sha: string }[] };
    expect(one.map((l) => l.change.sha).sort()).toEqual(expected.commits.map((c) => c.sha).sort());
  });
});
