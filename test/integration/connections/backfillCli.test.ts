// `keel backfill github` and `keel backfill gitlab` as a user runs them: the real command in a child
// process against a running Keel (its connections' schedule on), which syncs from the vendor's
// recorded answers on loopback. Bad input names the flag; a run creates the connection, runs its
// sync, shows progress on stderr, and exits 0 when the sync ends idle; run again (the repository or
// project named in another case) it reuses the connection and changes nothing; a sync that fails
// exits 1 with the reason. The token is in no output. The two vendors differ only in the table below.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startConnectionApp, type ConnectionApp, expectUsageErrors } from "../../support/connectionApp.ts";
import { checkoutRepo } from "../../support/githubCheckoutRepo.ts";
import { startRecordedGithub } from "../../support/githubRecorded.ts";
import { checkoutProject } from "../../support/gitlabCheckoutProject.ts";
import { startRecordedGitlab } from "../../support/gitlabRecorded.ts";
import { TEST_ADMIN_TOKEN } from "../../support/httpApp.ts";
import { runKeel } from "../../support/keelCli.ts";
import type { RateLimitHow, RecordedVendor } from "../../support/recordedApi.ts";
import { snapshotCounts } from "../../support/snapshotCounts.ts";

/** What the vendors differ in: their tokens, their recorded API, how a source is named, their first sync. */
interface Vendor {
  /** The variable `keel backfill` reads the token from, the test's token, and one the vendor refuses. */
  tokens: { env: string; good: string; revoked: string };
  /** The recorded API of the "done when" history, taking `token`. */
  start: (token: string) => Promise<RecordedVendor>;
  /** The flag that names what to sync and the form of its value; a value not of that form; the other vendor's flag. */
  source: { flag: string; form: string; malformed: string; otherFlag: string };
  /** The first sync meets this rate limit once. */
  rateLimit: [prefix: string, how: RateLimitHow];
  /** A progress line on stderr. */
  progress: RegExp;
}

const vendors: Record<"github" | "gitlab", Vendor> = {
  github: {
    tokens: { env: "GITHUB_TOKEN", good: "ghp_BackfillCliToken0123456789abcdefABCD", revoked: "ghp_Revoked000000000000000000000000000000" },
    start: (token) => startRecordedGithub(checkoutRepo(), { token, pageSize: 2, latencyMs: 60 }),
    source: { flag: "--repo", form: "owner/name", malformed: "not a repo", otherFlag: "--project" },
    rateLimit: ["/repos/acme/checkout/compare", "reset"],
    progress: /^(deployments|compare|pulls|issues|runs)[^\n]* · \d+ pages? · \d+ records? · \d+ rate-limit waits? · \d+:\d\d elapsed$/m,
  },
  gitlab: {
    tokens: { env: "GITLAB_TOKEN", good: "glpat-BackfillCliToken01234567", revoked: "glpat-Revoked0000000000000000" },
    start: (token) => startRecordedGitlab(checkoutProject(), { token, pageSize: 2, latencyMs: 60 }),
    source: { flag: "--project", form: "group/name", malformed: "checkout", otherFlag: "--repo" },
    rateLimit: ["/api/v4/projects/42/repository/compare", "retry-after"],
    progress: / · \d+ pages? · \d+ records? · \d+ rate-limit waits? · \d+:\d\d elapsed$/m,
  },
};

describe.each(Object.entries(vendors))("keel backfill %s", (kind, vendor) => {
  const { tokens, source } = vendor;
  let app: ConnectionApp<RecordedVendor>;
  beforeAll(async () => {
    app = await startConnectionApp(() => vendor.start(tokens.good));
  });
  afterAll(() => app?.close());

  const backfill = (args: string[], env: Record<string, string | undefined> = {}) =>
    runKeel(["backfill", ...args], { env: { KEEL_URL: app.url, KEEL_TOKEN: TEST_ADMIN_TOKEN, [tokens.env]: tokens.good, ...env } });
  const sourceArgs = () => [kind, source.flag, "acme/checkout", "--since", "2026-11-01", "--api-url", app.vendor.apiUrl];

  test("bad input is a usage error naming the flag, and nothing is stored", async () => {
    const apiUrl = app.vendor.apiUrl;
    const cases: [string[], Record<string, string | undefined>, string][] = [
      [sourceArgs(), { [tokens.env]: undefined }, `set ${tokens.env}`],
      [[kind, "--since", "2026-11-01", "--api-url", apiUrl], {}, `${source.flag} ${source.form}`],
      [[kind, source.flag, source.malformed, "--api-url", apiUrl], {}, `${source.flag}: must be ${source.form}`],
      [[kind, source.flag, "acme/checkout", "--since", "last week", "--api-url", apiUrl], {}, "--since: must be a date"],
      [[kind, source.flag, "acme/checkout", "--api-url", "ftp://x"], {}, "--api-url: must be an http:// or https:// URL"],
      [[kind, source.flag, "acme/checkout", source.otherFlag, "acme/checkout"], {}, source.otherFlag],
      [["jira", source.flag, "acme/checkout"], {}, "keel backfill github"],
    ];
    await expectUsageErrors(app, backfill, cases);
  }, 180_000); // a child process a case

  test("creates the connection, shows the sync's progress, and exits 0 with what it brought in; a rate limit only delays it", async () => {
    app.vendor.rateLimitOnce(...vendor.rateLimit);
    const result = await backfill(sourceArgs());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(vendor.progress);
    expect(result.stdout).toMatch(/^Synced acme\/checkout \(new connection [0-9a-f-]{36}\) in \d+\.\ds; \d+ pages, \d+ records, 1 rate-limit wait\.$/m);
    expect(result.stdout).toContain("Brought in so far: 4 deployments, 5 changes, 1 incident, 1 build.");
    expect(app.waits.length).toBe(1);
    const db = app.database.prisma;
    expect(await db.deployment.count({ where: { status: "success" } })).toBe(3);
    expect(await db.deployment.count({ where: { status: "failure" } })).toBe(1);
    expect(await db.incident.count()).toBe(1);
    expect(await db.connection.findFirstOrThrow()).toMatchObject({ status: "idle", lastError: null });
    // The token is in neither output, nor in the audit of the connection's creation.
    expect(result.stdout + result.stderr).not.toContain(tokens.good);
    const audits = await db.auditEvent.findMany({ where: { action: { startsWith: "connection." } }, select: { action: true, changes: true } });
    expect(audits.map((a) => a.action)).toEqual(["connection.create"]);
    expect(JSON.stringify(audits)).not.toContain(tokens.good);
  });

  test("run again, it reuses the connection and changes nothing", async () => {
    const before = await snapshotCounts(app.database.prisma);
    const deployments = JSON.stringify(await app.database.prisma.deployment.findMany({ orderBy: { id: "asc" } }));
    // The same repository or project in another case is the same connection.
    const result = await backfill([kind, source.flag, "ACME/Checkout", "--since", "2026-11-01T00:00:00Z", "--api-url", `${app.vendor.apiUrl}/`]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("(existing connection");
    expect(await app.database.prisma.connection.count()).toBe(1);
    // Only the audit log grows (the sync asked for).
    expect({ ...(await snapshotCounts(app.database.prisma)), AuditEvent: 0 }).toEqual({ ...before, AuditEvent: 0 });
    expect(JSON.stringify(await app.database.prisma.deployment.findMany({ orderBy: { id: "asc" } }))).toBe(deployments);
  });

  test("a sync that fails exits 1 with the reason in words", async () => {
    const result = await backfill([...sourceArgs(), "--environment", "staging"], { [tokens.env]: tokens.revoked });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^keel backfill: the sync of acme\/checkout failed: The token was refused \(401\)[^\n]*: check it is valid and not expired\.$/m,
    );
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toContain(tokens.revoked);
  });
});

describe("keel backfill github with no Keel running", () => {
  const token = vendors.github.tokens.good;
  let github: RecordedVendor;
  beforeAll(async () => {
    github = await vendors.github.start(token);
  });
  afterAll(() => github?.close());

  test("opens the data directory's database, runs the sync itself, and a second run reuses the connection", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "keel-backfill-"));
    try {
      const env = {
        KEEL_URL: undefined,
        KEEL_TOKEN: undefined,
        DATABASE_URL: undefined,
        KEEL_SECRET_KEY: undefined,
        KEEL_DATA_DIR: dataDir,
        GITHUB_TOKEN: token,
      };
      const args = ["backfill", "github", "--repo", "acme/checkout", "--since", "2026-11-01", "--api-url", github.apiUrl];
      const first = await runKeel(args, { env });
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toMatch(/^Synced acme\/checkout \(new connection [0-9a-f-]{36}\)/m);
      expect(first.stdout).toContain("Brought in so far: 4 deployments, 5 changes, 1 incident, 1 build.");
      // Nothing but the outcome on stdout (the server's log stays off it).
      expect(first.stdout.trim().split("\n")).toHaveLength(2);
      const second = await runKeel(args, { env });
      expect(second.code, second.stderr).toBe(0);
      expect(second.stdout).toContain("(existing connection");
      expect(second.stdout).toContain("Brought in so far: 4 deployments, 5 changes, 1 incident, 1 build.");
      expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(token);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
