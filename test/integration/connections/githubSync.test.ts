// A GitHub connection end to end against recorded GitHub answers on loopback (no network): the
// issue's "done when" (four production deployments, one failed; five commits; one incident issue →
// three successful deployments, lead times from the commits each shipped, the incident with its
// recovery time and the deployment it counts against), a second sync that changes nothing, rate
// limits that only delay, an upstream edit, an upstream deletion, and the token nowhere.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ConnectionView } from "@keel/shared";
import { claimConnection, LEASE_MS } from "../../../server/src/connections/claim.ts";
import { runConnectionSync } from "../../../server/src/connections/run.ts";
import { createLogger } from "../../../server/src/logger.ts";
import { startConnectionApp, type ConnectionApp, expectRefusedFields, expectTokenNowhere } from "../../support/connectionApp.ts";
import { checkoutRepo, sha } from "../../support/githubCheckoutRepo.ts";
import { startRecordedGithub, type RecordedGithub } from "../../support/githubRecorded.ts";
import { TEST_SECRETS } from "../../support/httpApp.ts";
import {
  connectionOf,
  expectCheckoutScenario,
  expectResyncChangesNothing,
  expectSyncFails,
  expectSyncResumes,
  expectTokenRefused,
} from "../../support/syncedRecords.ts";

const TOKEN = "ghp_SyncTestToken0123456789abcdefABCDEF";
let app: ConnectionApp<RecordedGithub>;
let connection: ConnectionView;
beforeAll(async () => {
  app = await startConnectionApp(() => startRecordedGithub(checkoutRepo(), { token: TOKEN, pageSize: 2 }));
});
afterAll(() => app?.close());

describe("connections over REST", () => {
  test("bad input is a 400 naming the field, and nothing is stored", async () => {
    const cases: [unknown, string][] = [
      [{ kind: "github", token: TOKEN, repositories: ["not a repo"] }, "repositories[0]"],
      [{ kind: "github", token: TOKEN, repositories: [] }, "repositories"],
      [{ kind: "github", repositories: ["acme/checkout"] }, "token"],
      [{ kind: "github", token: TOKEN, repositories: ["acme/checkout"], apiUrl: "ftp://x" }, "apiUrl"],
      [{ kind: "github", token: TOKEN, repositories: ["acme/checkout"], since: "last week" }, "since"],
      [{ kind: "jira", token: TOKEN }, "kind"],
    ];
    await expectRefusedFields(app, cases);
  });

  test("only admins manage connections", async () => {
    expect((await app.request("/api/v1/connections", { token: null })).status).toBe(401);
  });

  test("one sync brings the repository in; a rate limit in the middle only delays it", async () => {
    app.vendor.rateLimitOnce("/repos/acme/checkout/compare", "reset");
    app.vendor.rateLimitOnce("/repos/acme/checkout/issues", "retry-after");
    // The first wait (compare, for the second deployment) is mid-way through the deployments walk.
    const walks: unknown[] = [];
    app.duringWait = async () => {
      const row = await app.database.prisma.connection.findFirst({ where: { kind: "github" }, orderBy: { createdAt: "desc" } });
      walks.push((row?.progress as { walk?: unknown } | null)?.walk ?? null);
    };
    const res = await app.request("/api/v1/connections", {
      json: { kind: "github", apiUrl: `${app.vendor.apiUrl}/`, token: TOKEN, repositories: ["acme/checkout"], since: "2026-11-01" },
    });
    expect(res.status).toBe(201);
    connection = (await res.json()) as ConnectionView;
    expect(connection).toMatchObject({
      kind: "github",
      apiUrl: app.vendor.apiUrl,
      repositories: ["acme/checkout"],
      environment: "production",
      since: "2026-11-01T00:00:00.000Z",
    });
    await app.syncs.idle();
    app.duringWait = null;
    // Where the walk had come, saved for the CLI's ETA (docs/connections.md): oldest deployment
    // first, saved when the walk starts and then at most once a second (so the first or the second).
    expect(walks[0]).toMatchObject({
      from: "2026-11-02T09:00:00Z",
      reached: expect.stringMatching(/^2026-11-0(2T09|3T10):00:00Z$/),
      startedAt: expect.any(String),
    });

    const synced = await connectionOf(app, connection.id);
    expect(synced).toMatchObject({ status: "idle", lastError: null, counts: { deployments: 4, changes: 5, incidents: 1, builds: 1 } });
    expect(synced.lastSyncAt).not.toBeNull();
    expect(synced.progress).toMatchObject({ rateLimitWaits: 2 });
    // The 403's reset is an hour away; the 429 says Retry-After: 60.
    expect(app.waits).toHaveLength(2);
    expect(app.waits[0]).toBeGreaterThan(3_500_000);
    expect(app.waits[1]).toBe(60_000);
    // Link pagination: two deployments a page.
    expect(app.vendor.requests.some((r) => r.startsWith("/repos/acme/checkout/deployments?") && r.includes("page=2"))).toBe(true);

    await expectCheckoutScenario(app, "github", "sev2");
    const deployment = await app.database.prisma.deployment.findUniqueOrThrow({
      where: { id: "github:104" },
      include: { changes: { include: { change: true } } },
    });
    expect(deployment.changes.map((c) => c.change.sha).sort()).toEqual([sha(4), sha(5)]);
    const change = await app.database.prisma.change.findFirstOrThrow({ where: { sha: sha(2) } });
    expect(change).toMatchObject({ prNumber: 2, category: "bug", repository: "acme/checkout" });
    expect(change.prOpenedAt?.toISOString()).toBe("2026-11-01T09:00:00.000Z");
    // GET /pulls/2/reviews: the author's own review (10:00) and the bot's (11:00) do not count; the
    // dismissed one at 12:00 does. PR 1 has no review.
    expect(change.prFirstReviewAt?.toISOString()).toBe("2026-11-02T12:00:00.000Z");
    expect((await app.database.prisma.change.findFirstOrThrow({ where: { sha: sha(1) } })).prFirstReviewAt).toBeNull();
    expect(app.vendor.requests.filter((r) => r.startsWith("/repos/acme/checkout/pulls/")).map((r) => r.split("?")[0])).toEqual(
      expect.arrayContaining(["/repos/acme/checkout/pulls/1/reviews", "/repos/acme/checkout/pulls/2/reviews"]),
    );
    expect(app.finished.at(-1)).toMatchObject({ kind: "github", outcome: "success" });
  });

  test("a second sync changes nothing", async () => {
    await expectResyncChangesNothing(app, connection.id, { deployments: 4, changes: 5, incidents: 1, builds: 1 });
  });

  test("an issue edited upstream updates its incident in place; one deleted upstream stays", async () => {
    const issue = app.vendor.repo.issues[0];
    if (!issue) throw new Error("no issue");
    issue.title = "Checkout down (card payments)";
    issue.closed_at = "2026-11-03T15:00:00Z";
    issue.updated_at = "2026-11-03T15:00:00Z";
    await app.syncNow(connection.id);
    const incidents = await app.database.prisma.incident.findMany();
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ title: "Checkout down (card payments)" });
    expect(incidents[0]?.resolvedAt?.toISOString()).toBe("2026-11-03T15:00:00.000Z");

    app.vendor.repo.issues.splice(0, 1);
    await app.syncNow(connection.id);
    expect(await app.database.prisma.incident.count()).toBe(1);
  });

  test("a sync that fails part-way says why in words, and the next resumes from its cursor", async () => {
    app.vendor.repo.commits.push(
      { sha: sha(6), message: "feat: more", date: "2026-11-05T08:00:00Z" },
      { sha: sha(7), message: "feat: again", date: "2026-11-06T08:00:00Z" },
    );
    app.vendor.repo.deployments.push(
      { id: 105, sha: sha(6), created_at: "2026-11-05T09:00:00Z", statuses: [{ state: "success", created_at: "2026-11-05T10:00:00Z" }] },
      { id: 106, sha: sha(7), created_at: "2026-11-06T09:00:00Z", statuses: [{ state: "success", created_at: "2026-11-06T10:00:00Z" }] },
    );
    await expectSyncFails(app, connection.id, `/repos/acme/checkout/commits/${sha(7)}/pulls`, "500");
    expect(app.finished.at(-1)).toMatchObject({ outcome: "failure" });
    // 105 was stored before the failure, and its cursor with it.
    expect(await app.database.prisma.deployment.findUnique({ where: { id: "github:105" } })).not.toBeNull();
    expect(await app.database.prisma.deployment.findUnique({ where: { id: "github:106" } })).toBeNull();

    const resumed = await expectSyncResumes(app, connection.id, { deployments: 6 });
    expect(resumed.some((r) => r.startsWith("/repos/acme/checkout/deployments/106/statuses"))).toBe(true);
    expect(resumed.some((r) => r.startsWith("/repos/acme/checkout/deployments/105/statuses"))).toBe(false);
    // 106 shipped what came after 105: compare c6...c7.
    expect(resumed.some((r) => r.startsWith(`/repos/acme/checkout/compare/${sha(6)}...${sha(7)}`))).toBe(true);
  });

  test("a token GitHub refuses fails the sync in words", async () => {
    const json = { kind: "github", apiUrl: app.vendor.apiUrl, token: "ghp_wrongWrongWrong", repositories: ["acme/checkout"] };
    const wrong = await expectTokenRefused(app, json, "401");
    expect((await app.request(`/api/v1/connections/${wrong}`)).status).toBe(404);
    expect(await app.database.prisma.connectionCursor.count({ where: { connectionId: wrong } })).toBe(0);
  });

  test("a claim keeps a second server off a running connection until its lease expires", async () => {
    const db = app.database.prisma;
    const now = new Date();
    expect(await claimConnection(db, connection.id, "server-a", now)).toBe(true);
    const other = { db, secrets: TEST_SECRETS, logger: createLogger("silent"), clock: app.clock, owner: "server-b" };
    expect(await runConnectionSync(other, connection.id)).toBe(false);
    expect(await claimConnection(db, connection.id, "server-b", new Date(now.getTime() + LEASE_MS - 1000))).toBe(false);
    // Server A died: its lease runs out, and B takes over (and syncs from the cursors).
    await db.connection.update({ where: { id: connection.id }, data: { claimedUntil: new Date(Date.now() - 1000) } });
    expect(await runConnectionSync(other, connection.id)).toBe(true);
    expect(await connectionOf(app, connection.id)).toMatchObject({ status: "idle", counts: { deployments: 6 } });
  });

  test("the token is in no answer and no log line, and is stored only sealed", async () => {
    const list = await app.request("/api/v1/connections");
    expect(((await list.json()) as { connections: unknown[] }).connections.length).toBeGreaterThan(0);
    expect(app.logs.length).toBeGreaterThan(0);
    await expectTokenNowhere(app, TOKEN, app.vendor.bodies, connection.id);
  });
});
