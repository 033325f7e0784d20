// One test's runs by commit (tRPC flaky.history, REST /metrics/flaky-tests/{testId}/history): the
// expected shas and attempts worked out by hand from the builds below. Window [2026-10-01,
// 2026-11-01) UTC. Every build runs the four tests a–d of cost.Suite; "a" is the one followed.
import type { AnyEventInput } from "@keel/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { FlakyTestHistory } from "../../../server/src/services/getFlakyTestHistory.ts";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { attempt, build, caller, flakyTests, getJson, send, upload, type BuildSpec, OCTOBER, TESTS } from "./support.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const window = OCTOBER;
const SVC = "svc-history";

async function testIdOf(service: string, name: string): Promise<number> {
  const svc = await app.database.prisma.service.findUnique({ where: { slug: service }, select: { id: true } });
  const row = await app.database.prisma.testCase.findFirst({ where: { name, suite: "cost.Suite", serviceId: svc?.id ?? null }, select: { id: true } });
  if (!row) throw new Error(`no test ${name} on ${service}`);
  return row.id;
}

const history = (testId: number, params: Record<string, string> = window) =>
  getJson<FlakyTestHistory>(app, `/api/v1/metrics/flaky-tests/${testId}/history`, params);

/** A build attempt on a branch, with its report. */
async function onBranch(b: BuildSpec, branch: string, failing: string[] = []): Promise<void> {
  await send(app, [{ ...build(b), branch } as AnyEventInput]);
  await upload(
    app,
    b.id,
    TESTS.map((name) => ({ classname: "cost.Suite", name, status: failing.includes(name) ? "failed" : "passed" })),
  );
}

describe("flaky test history", () => {
  let id: number;

  beforeAll(async () => {
    const at = (sha: string, n: number, status: BuildSpec["status"], startedAt: string, finishedAt: string): BuildSpec => ({
      id: `${sha}-a${n}`,
      service: SVC,
      sha,
      attempt: n,
      status,
      startedAt,
      finishedAt,
    });
    // Window edge: attempt 1 fails just before the window (flaky with attempt 2, but that flaky
    // failure belongs to September); attempt 2 passes at exactly 00:00 on Oct 1, inside [from, to).
    await onBranch(at("hsedge", 1, "failure", "2026-09-30T23:50:00Z", "2026-09-30T23:59:59Z"), "main", ["a"]);
    await onBranch(at("hsedge", 2, "success", "2026-09-30T23:55:00Z", "2026-10-01T00:00:00Z"), "main");
    // Flaky across two attempts: fails attempt 1 (1 of 4 failed: not an outage) and blocks it,
    // passes attempt 2.
    await onBranch(at("hsflaky", 1, "failure", "2026-10-05T10:00:00Z", "2026-10-05T10:10:00Z"), "feature/promo", ["a"]);
    await onBranch(at("hsflaky", 2, "success", "2026-10-05T10:15:00Z", "2026-10-05T10:27:00Z"), "feature/promo");
    // Retried inside one run: failed then passed in the same attempt, which succeeded.
    await send(app, [build(at("hsretry", 1, "success", "2026-10-07T10:00:00Z", "2026-10-07T10:10:00Z"))]);
    await upload(app, "hsretry-a1", [
      { classname: "cost.Suite", name: "a", status: "passed", flakyFailures: 1 },
      ...["b", "c", "d"].map((name) => ({ classname: "cost.Suite", name, status: "passed" as const })),
    ]);
    // An outage: 3 of 4 failed (75% > 50%), then a clean rerun. Not flaky.
    await attempt(app, at("hsoutage", 1, "failure", "2026-10-09T10:00:00Z", "2026-10-09T10:02:00Z"), TESTS, ["a", "b", "c"]);
    await attempt(app, at("hsoutage", 2, "success", "2026-10-09T10:05:00Z", "2026-10-09T10:15:00Z"), TESTS);
    // Broken: fails both attempts (1 of 4 each, not outages).
    await attempt(app, at("hsbroken", 1, "failure", "2026-10-11T10:00:00Z", "2026-10-11T10:10:00Z"), TESTS, ["a"]);
    await attempt(app, at("hsbroken", 2, "failure", "2026-10-11T10:20:00Z", "2026-10-11T10:30:00Z"), TESTS, ["a"]);
    // Finished exactly at the window's end: outside [from, to).
    await attempt(app, at("hslate", 1, "failure", "2026-10-31T23:50:00Z", "2026-11-01T00:00:00Z"), TESTS, ["a"]);
    id = await testIdOf(SVC, "a");
  });

  test("groups the window's attempts by sha, newest first, with flaky, broken and outage shas told apart", async () => {
    const h = await history(id);
    expect(h.test).toMatchObject({ id, service: SVC, suite: "cost.Suite", name: "a" });
    expect(h.window).toEqual({ from: "2026-10-01T00:00:00.000Z", to: "2026-11-01T00:00:00.000Z" });
    // hslate finished at `to` and is left out; hsedge's attempt 1 finished before `from`.
    expect(h.shas.map((s) => s.commitSha)).toEqual(["hsbroken", "hsoutage", "hsretry", "hsflaky", "hsedge"]);
    expect(h.totalShas).toBe(5);

    const sha = (commit: string) => h.shas.find((s) => s.commitSha === commit);
    const passedRun = { outcomes: ["passed"], flakyFailures: 0, blocking: false, passedOnRetry: false, outage: false };

    // Failed then passed on the next attempt: flaky, and the failure blocked attempt 1.
    expect(sha("hsflaky")).toMatchObject({
      branch: "feature/promo",
      lastFinishedAt: "2026-10-05T10:27:00.000Z",
      flaky: true,
      broken: false,
      outageAttempts: 0,
    });
    expect(sha("hsflaky")?.attempts).toEqual([
      expect.objectContaining({
        buildId: "hsflaky-a1",
        attempt: 1,
        branch: "feature/promo",
        buildFailed: true,
        outcomes: ["failed"],
        flakyFailures: 1,
        blocking: true,
        passedOnRetry: false,
        outage: false,
      }),
      expect.objectContaining({ buildId: "hsflaky-a2", attempt: 2, buildFailed: false, ...passedRun }),
    ]);

    // Failed then passed in the same run: flaky, not blocking (the attempt succeeded).
    expect(sha("hsretry")).toMatchObject({ branch: null, flaky: true, broken: false, outageAttempts: 0 });
    expect(sha("hsretry")?.attempts).toEqual([
      expect.objectContaining({
        buildId: "hsretry-a1",
        buildFailed: false,
        outcomes: ["failed", "passed"],
        flakyFailures: 1,
        blocking: false,
        passedOnRetry: true,
        outage: false,
      }),
    ]);

    // The outage's failure counts for nothing: not flaky, though the test failed then passed.
    expect(sha("hsoutage")).toMatchObject({ flaky: false, broken: false, outageAttempts: 1 });
    expect(sha("hsoutage")?.attempts).toEqual([
      expect.objectContaining({ buildId: "hsoutage-a1", buildFailed: true, outcomes: ["failed"], flakyFailures: 0, blocking: false, outage: true }),
      expect.objectContaining({ buildId: "hsoutage-a2", ...passedRun }),
    ]);

    // Failed on both attempts: broken, not flaky, nothing blocking.
    expect(sha("hsbroken")).toMatchObject({ flaky: false, broken: true, outageAttempts: 0 });
    expect(sha("hsbroken")?.attempts.map((a) => [a.attempt, a.outcomes, a.flakyFailures, a.blocking, a.buildFailed])).toEqual([
      [1, ["failed"], 0, false, true],
      [2, ["failed"], 0, false, true],
    ]);

    // Only the passing attempt 2 is in the window; its sha's flaky failure (attempt 1) is
    // September's, so the sha is not flaky in this window.
    expect(sha("hsedge")).toMatchObject({ branch: "main", lastFinishedAt: "2026-10-01T00:00:00.000Z", flaky: false, broken: false });
    expect(sha("hsedge")?.attempts).toEqual([expect.objectContaining({ buildId: "hsedge-a2", attempt: 2, ...passedRun })]);
  });

  test("agrees with the flaky list: the same flaky and blocking failures in the window", async () => {
    const listed = (await flakyTests(app, { ...window, service: SVC })).tests.find((t) => t.id === id);
    // hsflaky-a1 (blocking) and hsretry-a1 (not): 2 flaky failures, 1 blocking.
    expect(listed).toMatchObject({ flakyFailures: 2, blockingFailures: 1 });
    const h = await caller(app).flaky.history({ testId: id, filters: { ...window, service: SVC } });
    const attempts = h.shas.flatMap((s) => s.attempts);
    expect(attempts.reduce((n, a) => n + a.flakyFailures, 0)).toBe(2);
    expect(attempts.filter((a) => a.blocking)).toHaveLength(1);
  });

  test("the window edge moves with from: September's attempt 1 makes the edge sha flaky", async () => {
    const h = await history(id, { from: "2026-09-30", to: "2026-10-02" });
    expect(h.shas).toEqual([
      expect.objectContaining({
        commitSha: "hsedge",
        flaky: true,
        attempts: [expect.objectContaining({ attempt: 1, flakyFailures: 1, blocking: true }), expect.objectContaining({ attempt: 2, flakyFailures: 0 })],
      }),
    ]);
    expect(h.totalShas).toBe(1);
  });

  test("lists the 30 most recent shas and says how many there were", async () => {
    const svc = "svc-history-many";
    // 32 shas, one an hour from Oct 2 00:00; each attempt passes.
    const specs: BuildSpec[] = Array.from({ length: 32 }, (_, i) => {
      const start = new Date(Date.UTC(2026, 9, 2, i)).toISOString();
      const end = new Date(Date.UTC(2026, 9, 2, i, 30)).toISOString();
      return { id: `many-${i}`, service: svc, sha: `hsmany${String(i).padStart(2, "0")}`, status: "success", startedAt: start, finishedAt: end };
    });
    await send(app, specs.map(build));
    for (const s of specs)
      await upload(
        app,
        s.id,
        TESTS.map((name) => ({ classname: "cost.Suite", name, status: "passed" })),
      );
    const h = await history(await testIdOf(svc, "a"));
    expect(h.totalShas).toBe(32);
    expect(h.maxShas).toBe(30);
    expect(h.shas).toHaveLength(30);
    // Newest first: hsmany31 down to hsmany02; hsmany00 and hsmany01 are left off.
    expect(h.shas[0]?.commitSha).toBe("hsmany31");
    expect(h.shas.at(-1)?.commitSha).toBe("hsmany02");
  });

  test("a filter that leaves the test's service out gives no shas", async () => {
    const h = await history(id, { ...window, service: "svc-history-many" });
    expect(h).toMatchObject({ shas: [], totalShas: 0 });
  });

  test("an unknown or malformed test id is an error naming testId", async () => {
    const missing = await app.request(`/api/v1/metrics/flaky-tests/999999/history?${new URLSearchParams(window)}`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: "NOT_FOUND", message: "No test with id 999999.", details: [{ path: "testId", message: "is not a test" }] },
    });
    const malformed = await app.request(`/api/v1/metrics/flaky-tests/abc/history?${new URLSearchParams(window)}`);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: "VALIDATION_FAILED", details: [expect.objectContaining({ path: "testId" })] } });
    // Beyond a PostgreSQL integer: refused before it reaches the database.
    const huge = await app.request(`/api/v1/metrics/flaky-tests/99999999999/history`);
    expect(huge.status).toBe(400);

    await expect(caller(app).flaky.history({ testId: 999_999, filters: window })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: "No test with id 999999.",
    });
    await expect(caller(app).flaky.history({ testId: 0, filters: window })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
