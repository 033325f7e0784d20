// A GitLab connection end to end against recorded GitLab answers on loopback (no network): the
// issue's "done when" adapted (four production deployments, one failed; five commits; one incident
// issue → three successful deployments, lead times from the commits each shipped, the incident with
// its recovery time and the deployment it counts against), a second sync that changes nothing, a 429
// that only delays, pagination by Link and by x-next-page, an upstream edit, a crash mid-sync and
// its resume, and the token nowhere.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ConnectionView } from "@keel/shared";
import { startConnectionApp, type ConnectionApp, expectRefusedFields, expectTokenNowhere } from "../../support/connectionApp.ts";
import { checkoutProject, glSha } from "../../support/gitlabCheckoutProject.ts";
import { startRecordedGitlab, type RecordedGitlab } from "../../support/gitlabRecorded.ts";
import {
  connectionOf,
  expectCheckoutScenario,
  expectResyncChangesNothing,
  expectSyncFails,
  expectSyncResumes,
  expectTokenRefused,
  storedRecords,
} from "../../support/syncedRecords.ts";

const TOKEN = "glpat-SyncTestToken0123456789ab";
/** After the project itself (asked for by its path), a sync names it by its numeric id. */
const P = "/api/v4/projects/42";
let app: ConnectionApp<RecordedGitlab>;
let connection: ConnectionView;
beforeAll(async () => {
  app = await startConnectionApp(() => startRecordedGitlab(checkoutProject(), { token: TOKEN, pageSize: 2 }));
});
afterAll(() => app?.close());

describe("GitLab connections", () => {
  test("bad input is a 400 naming the field, and nothing is stored", async () => {
    const cases: [unknown, string][] = [
      [{ kind: "gitlab", token: TOKEN, projects: ["not a project"] }, "projects[0]"],
      [{ kind: "gitlab", token: TOKEN, projects: [-3] }, "projects[0]"],
      [{ kind: "gitlab", token: TOKEN, projects: [] }, "projects"],
      [{ kind: "gitlab", projects: ["acme/checkout"] }, "token"],
      [{ kind: "gitlab", token: TOKEN, projects: ["acme/checkout"], apiUrl: "gitlab.example.com" }, "apiUrl"],
      [{ kind: "gitlab", token: TOKEN, projects: ["acme/checkout"], since: "yesterday" }, "since"],
      [{ kind: "gitlab", token: TOKEN, repositories: ["acme/checkout"] }, "projects"],
    ];
    await expectRefusedFields(app, cases);
  });

  test("one sync brings the project in; a 429 in the middle only delays it", async () => {
    app.vendor.rateLimitOnce(`${P}/repository/compare`, "reset");
    app.vendor.rateLimitOnce(`${P}/issues`, "retry-after");
    const res = await app.request("/api/v1/connections", {
      json: { kind: "gitlab", apiUrl: `${app.vendor.apiUrl}/`, token: TOKEN, projects: ["acme/checkout"], since: "2026-11-01" },
    });
    expect(res.status).toBe(201);
    connection = (await res.json()) as ConnectionView;
    expect(connection).toMatchObject({ kind: "gitlab", apiUrl: app.vendor.apiUrl, projects: ["acme/checkout"], environment: "production" });
    await app.syncs.idle();

    const synced = await connectionOf(app, connection.id);
    expect(synced).toMatchObject({ status: "idle", lastError: null, counts: { deployments: 4, changes: 5, incidents: 1, builds: 1 } });
    expect(synced.progress).toMatchObject({ rateLimitWaits: 2 });
    // RateLimit-Reset is an hour away; the other 429 says Retry-After: 60.
    expect(app.waits).toHaveLength(2);
    expect(app.waits[0]).toBeGreaterThan(3_500_000);
    expect(app.waits[1]).toBe(60_000);
    // Link pagination: two deployments a page; the first list starts at `since`.
    const deploymentsAsked = app.vendor.requests.filter((r) => r.startsWith(`${P}/deployments?`));
    expect(deploymentsAsked[0]).toContain("updated_after=2026-11-01T00%3A00%3A00.000Z");
    expect(deploymentsAsked.some((r) => r.includes("page=2"))).toBe(true);

    await expectCheckoutScenario(app, "gitlab", "high");
    const db = app.database.prisma;
    const deployment = await db.deployment.findUniqueOrThrow({ where: { id: "gitlab:104" }, include: { changes: { include: { change: true } } } });
    expect(deployment.changes.map((c) => c.change.sha).sort()).toEqual([glSha(4), glSha(5)]);
    expect(deployment.startedAt?.toISOString()).toBe("2026-11-04T11:00:00.000Z");
    const change = await db.change.findFirstOrThrow({ where: { sha: glSha(2) } });
    expect(change).toMatchObject({ prNumber: 2, category: "bug", repository: "acme/checkout" });
    expect(change.prOpenedAt?.toISOString()).toBe("2026-11-01T09:00:00.000Z");
    const build = await db.build.findUniqueOrThrow({ where: { id: "gitlab:9001" } });
    expect(build.startedAt.toISOString()).toBe("2026-11-04T10:06:00.000Z");
    // Its test report (GitLab's parse of the jobs' JUnit) is the build's, by the JUnit parser's names.
    const report = await db.testReport.findFirstOrThrow({ where: { buildId: "gitlab:9001" }, include: { results: { include: { testCase: true } } } });
    expect(report).toMatchObject({ tests: 3, passed: 1, failed: 1, skipped: 1, errors: 0 });
    expect(report.results.map((r) => `${r.testCase.suite} ${r.testCase.name} ${r.status} ${r.durationMs}`).sort()).toEqual([
      "spec.checkout.pay_spec.rb pays by card passed 420",
      "spec.checkout.pay_spec.rb rounds to the cent failed 50",
      "spec.checkout.wallet_spec.rb pays by wallet skipped 0",
    ]);
    // The running pipeline has no build yet, so no report was asked for.
    expect(app.vendor.requests.some((r) => r.startsWith(`${P}/pipelines/9002`))).toBe(false);
    expect(app.finished.at(-1)).toMatchObject({ kind: "gitlab", outcome: "success" });
  });

  test("a second sync changes nothing", async () => {
    await expectResyncChangesNothing(app, connection.id, { deployments: 4, changes: 5, incidents: 1, builds: 1 });
  });

  test("an incident edited upstream updates in place; a pipeline that finished since becomes a build", async () => {
    const issue = app.vendor.project.issues[0];
    const running = app.vendor.project.pipelines[1];
    if (!issue || !running) throw new Error("no issue or pipeline");
    Object.assign(issue, { title: "Checkout down (card payments)", closed_at: "2026-11-03T15:00:00.000Z", updated_at: "2026-11-03T15:00:00.000Z" });
    Object.assign(running, { status: "failed", finished_at: "2026-11-04T10:30:00.000Z", updated_at: "2026-11-04T10:30:00.000Z" });
    await app.syncNow(connection.id);
    const incidents = await app.database.prisma.incident.findMany();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ title: "Checkout down (card payments)" });
    expect(incidents[0]?.resolvedAt?.toISOString()).toBe("2026-11-03T15:00:00.000Z");
    expect(await app.database.prisma.build.findUnique({ where: { id: "gitlab:9002" } })).toMatchObject({ status: "failure" });
    expect(await connectionOf(app, connection.id)).toMatchObject({ counts: { incidents: 1, builds: 2 } });
  });

  test("a sync that crashes part-way says why in words, and the next resumes from its cursor", async () => {
    app.vendor.project.commits.push(
      { sha: glSha(6), message: "feat: more", date: "2026-11-05T08:00:00.000Z" },
      { sha: glSha(7), message: "feat: again", date: "2026-11-06T08:00:00.000Z" },
    );
    app.vendor.project.deployments.push(
      { id: 105, sha: glSha(6), status: "success", created_at: "2026-11-05T09:00:00.000Z", finished_at: "2026-11-05T10:00:00.000Z" },
      { id: 106, sha: glSha(7), status: "success", created_at: "2026-11-06T09:00:00.000Z", finished_at: "2026-11-06T10:00:00.000Z" },
    );
    await expectSyncFails(app, connection.id, `${P}/repository/commits/${glSha(7)}/merge_requests`, "500");
    expect(app.finished.at(-1)).toMatchObject({ kind: "gitlab", outcome: "failure" });
    // 105 was stored before the crash, and its cursor with it.
    expect(await app.database.prisma.deployment.findUnique({ where: { id: "gitlab:105" } })).not.toBeNull();
    expect(await app.database.prisma.deployment.findUnique({ where: { id: "gitlab:106" } })).toBeNull();

    const resumed = await expectSyncResumes(app, connection.id, { deployments: 6 });
    // The list starts where the cursor stopped (105's finish), and 106 shipped what came after 105.
    expect(resumed.find((r) => r.startsWith(`${P}/deployments?`))).toContain("updated_after=2026-11-05T10%3A00%3A00.000Z");
    expect(resumed).toContain(`${P}/repository/compare?from=${glSha(6)}&to=${glSha(7)}`);
    expect(resumed.some((r) => r.startsWith(`${P}/repository/commits/${glSha(6)}/`))).toBe(false);
  });

  test("a project named by its numeric id, paged by x-next-page alone, is the same project: nothing new", async () => {
    const plain = await startRecordedGitlab(app.vendor.project, { token: TOKEN, pageSize: 2, pagination: "x-next-page" });
    try {
      const before = await storedRecords(app);
      const res = await app.request("/api/v1/connections", {
        json: { kind: "gitlab", apiUrl: plain.apiUrl, token: TOKEN, projects: [42], since: "2026-11-01" },
      });
      expect(res.status).toBe(201);
      const byId = (await res.json()) as ConnectionView;
      expect(byId.projects).toEqual(["42"]);
      await app.syncs.idle();
      expect(await connectionOf(app, byId.id)).toMatchObject({ status: "idle", counts: { deployments: 0, changes: 0, incidents: 0, builds: 0 } });
      expect(plain.requests.some((r) => r.startsWith("/api/v4/projects/42/deployments?") && r.includes("page=3"))).toBe(true);
      expect(await storedRecords(app)).toBe(before);
    } finally {
      await plain.close();
    }
  });

  test("a token GitLab refuses fails the sync in words", async () => {
    await expectTokenRefused(app, { kind: "gitlab", apiUrl: app.vendor.apiUrl, token: "glpat-wrongWrongWrong", projects: ["acme/checkout"] }, "401");
  });

  test("the token is in no answer and no log line, and is stored only sealed", async () => {
    await expectTokenNowhere(app, TOKEN, app.vendor.bodies, connection.id);
  });
});
