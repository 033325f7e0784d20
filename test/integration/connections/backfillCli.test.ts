// `keel backfill github` as a user runs it: the real command in a child process against a running
// Keel (its connections' schedule on), which syncs from recorded GitHub answers on loopback. It
// creates a connection, runs its sync, shows progress on stderr, and exits 0 when the sync ends idle;
// run again it reuses the connection and changes nothing; a sync that fails exits 1 with the reason.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startConnectionApp, type ConnectionApp, expectUsageErrors } from "../../support/connectionApp.ts";
import { checkoutRepo } from "../../support/githubCheckoutRepo.ts";
import { startRecordedGithub, type RecordedGithub } from "../../support/githubRecorded.ts";
import { TEST_ADMIN_TOKEN } from "../../support/httpApp.ts";
import { runKeel } from "../../support/keelCli.ts";
import { snapshotCounts } from "../../support/snapshotCounts.ts";

const TOKEN = "ghp_BackfillCliToken0123456789abcdefABCD";

let app: ConnectionApp<RecordedGithub>;
beforeAll(async () => {
  app = await startConnectionApp(() => startRecordedGithub(checkoutRepo(), { token: TOKEN, pageSize: 2, latencyMs: 60 }));
});
afterAll(() => app?.close());

const backfill = (args: string[], env: Record<string, string | undefined> = {}) =>
  runKeel(["backfill", ...args], { env: { KEEL_URL: app.url, KEEL_TOKEN: TEST_ADMIN_TOKEN, GITHUB_TOKEN: TOKEN, ...env } });
const repoArgs = () => ["github", "--repo", "acme/checkout", "--since", "2026-11-01", "--api-url", app.vendor.apiUrl];

describe("keel backfill github", () => {
  test("bad input is a usage error naming the flag, and nothing is stored", async () => {
    const cases: [string[], Record<string, string | undefined>, string][] = [
      [repoArgs(), { GITHUB_TOKEN: undefined }, "set GITHUB_TOKEN"],
      [["github", "--since", "2026-11-01", "--api-url", app.vendor.apiUrl], {}, "--repo owner/name"],
      [["github", "--repo", "not a repo", "--api-url", app.vendor.apiUrl], {}, "--repo: must be owner/name"],
      [["github", "--repo", "acme/checkout", "--since", "last week", "--api-url", app.vendor.apiUrl], {}, "--since: must be a date"],
      [["github", "--repo", "acme/checkout", "--api-url", "ftp://x"], {}, "--api-url: must be an http:// or https:// URL"],
      [["jira", "--repo", "acme/checkout"], {}, "keel backfill github"],
    ];
    await expectUsageErrors(app, backfill, cases);
  });

  test("creates the connection, shows the sync's progress, and exits 0 with what it brought in; a rate limit only delays it", async () => {
    app.vendor.rateLimitOnce("/repos/acme/checkout/compare", "reset");
    const result = await backfill(repoArgs());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^(deployments|compare|pulls|issues|runs)[^\n]* · \d+ pages? · \d+ records? · \d+ rate-limit waits? · \d+:\d\d elapsed$/m);
    expect(result.stdout).toMatch(/^Synced acme\/checkout \(new connection [0-9a-f-]{36}\) in \d+\.\ds; \d+ pages, \d+ records, 1 rate-limit wait\.$/m);
    expect(result.stdout).toContain("Brought in so far: 4 deployments, 5 changes, 1 incident, 1 build.");
    expect(app.waits.length).toBe(1);
    const db = app.database.prisma;
    expect(await db.deployment.count({ where: { status: "success" } })).toBe(3);
    expect(await db.deployment.count({ where: { status: "failure" } })).toBe(1);
    expect(await db.incident.count()).toBe(1);
    expect(await db.connection.findFirstOrThrow()).toMatchObject({ status: "idle", lastError: null });
    // The token is in neither output, nor in the audit of the connection's creation.
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    const audits = await db.auditEvent.findMany({ where: { action: { startsWith: "connection." } }, select: { action: true, changes: true } });
    expect(audits.map((a) => a.action)).toEqual(["connection.create"]);
    expect(JSON.stringify(audits)).not.toContain(TOKEN);
  });

  test("run again, it reuses the connection and changes nothing", async () => {
    const before = await snapshotCounts(app.database.prisma);
    const deployments = JSON.stringify(await app.database.prisma.deployment.findMany({ orderBy: { id: "asc" } }));
    // The same repository in another case is the same connection.
    const result = await backfill(["github", "--repo", "ACME/Checkout", "--since", "2026-11-01T00:00:00Z", "--api-url", `${app.vendor.apiUrl}/`]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("(existing connection");
    expect(await app.database.prisma.connection.count()).toBe(1);
    // Only the audit log grows (the sync asked for).
    expect({ ...(await snapshotCounts(app.database.prisma)), AuditEvent: 0 }).toEqual({ ...before, AuditEvent: 0 });
    expect(JSON.stringify(await app.database.prisma.deployment.findMany({ orderBy: { id: "asc" } }))).toBe(deployments);
  });

  test("a sync that fails exits 1 with the reason in words", async () => {
    const result = await backfill([...repoArgs(), "--environment", "staging"], { GITHUB_TOKEN: "ghp_Revoked000000000000000000000000000000" });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^keel backfill: the sync of acme\/checkout failed: The token was refused \(401\)[^\n]*: check it is valid and not expired\.$/m,
    );
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toContain("ghp_Revoked");
  });
});

describe("keel backfill github with no Keel running", () => {
  test("opens the data directory's database, runs the sync itself, and a second run reuses the connection", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "keel-backfill-"));
    try {
      const env = {
        KEEL_URL: undefined,
        KEEL_TOKEN: undefined,
        DATABASE_URL: undefined,
        KEEL_SECRET_KEY: undefined,
        KEEL_DATA_DIR: dataDir,
        GITHUB_TOKEN: TOKEN,
      };
      const first = await runKeel(["backfill", ...repoArgs()], { env });
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^Synced acme\/checkout \(new connection [0-9a-f-]{36}\)/m);
      expect(first.stdout).toContain("Brought in so far: 4 deployments, 5 changes, 1 incident, 1 build.");
      // Nothing but the outcome on stdout (the server's log stays off it).
      expect(first.stdout.trim().split("\n")).toHaveLength(2);
      const second = await runKeel(["backfill", ...repoArgs()], { env });
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toContain("(existing connection");
      expect(second.stdout).toContain("Brought in so far: 4 deployments, 5 changes, 1 incident, 1 build.");
      expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(TOKEN);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
