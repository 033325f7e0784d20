// `keel backfill gitlab` as a user runs it: the real command in a child process against a running
// Keel, which syncs from recorded GitLab answers on loopback. Bad input names the flag; a run creates
// the connection, shows progress, and exits 0 with what it brought in; run again it reuses the
// connection (the project named in another case) and changes nothing. The token is in no output.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startConnectionApp, type ConnectionApp, expectUsageErrors } from "../../support/connectionApp.ts";
import { checkoutProject } from "../../support/gitlabCheckoutProject.ts";
import { startRecordedGitlab, type RecordedGitlab } from "../../support/gitlabRecorded.ts";
import { TEST_ADMIN_TOKEN } from "../../support/httpApp.ts";
import { runKeel } from "../../support/keelCli.ts";
import { snapshotCounts } from "../../support/snapshotCounts.ts";

const TOKEN = "glpat-BackfillCliToken01234567";

let app: ConnectionApp<RecordedGitlab>;
beforeAll(async () => {
  app = await startConnectionApp(() => startRecordedGitlab(checkoutProject(), { token: TOKEN, pageSize: 2, latencyMs: 60 }));
});
afterAll(() => app?.close());

const backfill = (args: string[], env: Record<string, string | undefined> = {}) =>
  runKeel(["backfill", ...args], { env: { KEEL_URL: app.url, KEEL_TOKEN: TEST_ADMIN_TOKEN, GITLAB_TOKEN: TOKEN, ...env } });
const projectArgs = () => ["gitlab", "--project", "acme/checkout", "--since", "2026-11-01", "--api-url", app.vendor.apiUrl];

describe("keel backfill gitlab", () => {
  test("bad input is a usage error naming the flag, and nothing is stored", async () => {
    const cases: [string[], Record<string, string | undefined>, string][] = [
      [projectArgs(), { GITLAB_TOKEN: undefined }, "set GITLAB_TOKEN"],
      [["gitlab", "--since", "2026-11-01", "--api-url", app.vendor.apiUrl], {}, "--project group/name"],
      [["gitlab", "--project", "checkout", "--api-url", app.vendor.apiUrl], {}, "--project: must be group/name"],
      [["gitlab", "--project", "acme/checkout", "--repo", "acme/checkout"], {}, "--repo"],
    ];
    await expectUsageErrors(app, backfill, cases);
  });

  test("creates the connection, shows the sync's progress, and exits 0 with what it brought in", async () => {
    app.vendor.rateLimitOnce("/api/v4/projects/42/repository/compare", "retry-after");
    const result = await backfill(projectArgs());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/ · \d+ pages? · \d+ records? · \d+ rate-limit waits? · \d+:\d\d elapsed$/m);
    expect(result.stdout).toMatch(/^Synced acme\/checkout \(new connection [0-9a-f-]{36}\) in \d+\.\ds; \d+ pages, \d+ records, 1 rate-limit wait\.$/m);
    expect(result.stdout).toContain("Brought in so far: 4 deployments, 5 changes, 1 incident, 1 build.");
    expect(await app.database.prisma.deployment.count({ where: { status: "success" } })).toBe(3);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  test("run again, it reuses the connection and changes nothing", async () => {
    const before = await snapshotCounts(app.database.prisma);
    const result = await backfill(["gitlab", "--project", "ACME/Checkout", "--since", "2026-11-01", "--api-url", `${app.vendor.apiUrl}/`]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("(existing connection");
    expect(await app.database.prisma.connection.count()).toBe(1);
    expect({ ...(await snapshotCounts(app.database.prisma)), AuditEvent: 0 }).toEqual({ ...before, AuditEvent: 0 });
  });
});
