// The keel CLI (deploy, junit, import) as a user runs it: the real command in a child process,
// against a running app, checking exit codes, what it prints and what was stored.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createToken } from "../../server/src/services/tokens.ts";
import { startTestApp, TEST_ADMIN_TOKEN, type TestApp } from "../support/httpApp.ts";
import { runKeel } from "../support/keelCli.ts";
import { repoRoot } from "../support/keelProcess.ts";
import { snapshotCounts } from "../support/snapshotCounts.ts";

let app: TestApp;
let tmp: string;
beforeAll(async () => {
  app = await startTestApp();
  tmp = mkdtempSync(path.join(tmpdir(), "keel-cli-"));
});
afterAll(async () => {
  await app?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const keel = (args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) =>
  runKeel(args, { cwd: options.cwd, env: { KEEL_URL: app.url, KEEL_TOKEN: TEST_ADMIN_TOKEN, ...options.env } });

/** A git repository in a temp directory, with commits at fixed times. */
function gitRepo(name: string) {
  const dir = path.join(tmp, name);
  const git = (args: string[], env: Record<string, string> = {}) =>
    execFileSync("git", args, { cwd: dir, env: { ...process.env, ...env }, encoding: "utf8" }).trim();
  execFileSync("git", ["init", "-q", dir]);
  git(["config", "user.email", "dev@example.com"]);
  git(["config", "user.name", "Dev"]);
  git(["config", "commit.gpgsign", "false"]);
  let n = 0;
  return {
    dir,
    commit(message: string, at: string): string {
      writeFileSync(path.join(dir, `file-${n++}.txt`), message);
      git(["add", "."]);
      git(["commit", "-q", "-m", message], { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
      return git(["rev-parse", "HEAD"]);
    },
  };
}

const linkedShas = async (deploymentId: string) =>
  (await app.database.prisma.deploymentChange.findMany({ where: { deploymentId }, include: { change: true } })).map((l) => l.change.sha).sort();

describe("keel deploy", () => {
  test("the first deployment of a service reports its head commit; the next one every commit since", async () => {
    const repo = gitRepo("deploy");
    repo.commit("initial", "2026-11-01T09:00:00Z");
    const first = repo.commit("feat: checkout page", "2026-11-02T10:00:00Z");
    const one = await keel(["deploy", "--service", "shop", "--sha", first, "--id", "shop-1", "--finished-at", "2026-11-02T12:00:00Z"], { cwd: repo.dir });
    expect(one.stderr).toBe("");
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("First deployment of shop to production");
    expect(one.stdout).toContain("1 commit, created");
    expect(await linkedShas("shop-1")).toEqual([first]);

    const second = repo.commit("fix: rounding", "2026-11-03T10:00:00Z");
    const third = repo.commit("Add coupons (#42)", "2026-11-03T11:00:00Z");
    const two = await keel(["deploy", "--service", "shop", "--sha", "HEAD", "--id", "shop-2"], { cwd: repo.dir });
    expect(two.code).toBe(0);
    expect(two.stdout).toContain("2 commits, created");
    expect(two.stdout).toContain(`since the last deployment ${first.slice(0, 12)}`);
    expect(await linkedShas("shop-2")).toEqual([second, third].sort());
    const stored = await app.database.prisma.deployment.findUniqueOrThrow({ where: { id: "shop-2" } });
    expect(stored.commitSha).toBe(third);
    const coupons = await app.database.prisma.change.findFirstOrThrow({ where: { sha: third } });
    expect([coupons.prNumber, coupons.title, coupons.committedAt.toISOString()]).toEqual([42, "Add coupons (#42)", "2026-11-03T11:00:00.000Z"]);

    // Another environment has its own history: its first deployment is again the head alone.
    const staging = await keel(["deploy", "--service", "shop", "--sha", third, "--environment", "staging", "--id", "shop-s1"], { cwd: repo.dir });
    expect(staging.code).toBe(0);
    expect(staging.stdout).toContain("First deployment of shop to staging");
  });

  test("a failed deployment is not where the next one starts counting", async () => {
    const repo = gitRepo("failed");
    const a = repo.commit("a", "2026-11-04T09:00:00Z");
    expect((await keel(["deploy", "--service", "api", "--sha", a, "--id", "api-1"], { cwd: repo.dir })).code).toBe(0);
    const b = repo.commit("b", "2026-11-04T10:00:00Z");
    expect((await keel(["deploy", "--service", "api", "--sha", b, "--status", "failure", "--id", "api-2"], { cwd: repo.dir })).code).toBe(0);
    const c = repo.commit("c", "2026-11-04T11:00:00Z");
    const retry = await keel(["deploy", "--service", "api", "--sha", c, "--id", "api-3"], { cwd: repo.dir });
    expect(retry.code).toBe(0);
    expect(await linkedShas("api-3")).toEqual([b, c].sort());
  });

  test.each([
    ["no --service", 2, "--service is required", ["deploy", "--sha", "HEAD"]],
    ["a wrong --status", 2, "--status", ["deploy", "--service", "s", "--sha", "HEAD", "--status", "done"]],
    ["a --finished-at without offset", 2, "--finished-at", ["deploy", "--service", "s", "--sha", "HEAD", "--finished-at", "2026-11-02T12:00:00"]],
    ["an unknown option", 2, "--colour", ["deploy", "--service", "s", "--sha", "HEAD", "--colour"]],
    ["a sha not in the repository", 1, "is not a commit", ["deploy", "--service", "s", "--sha", "0123456789abcdef"]],
  ])("%s exits %i with a clear message and stores nothing", async (_name, code, message, args) => {
    const repo = gitRepo(`usage-${code}-${message.replace(/\W/g, "")}`);
    repo.commit("x", "2026-11-05T09:00:00Z");
    const before = await snapshotCounts(app.database.prisma);
    const result = await keel(args, { cwd: repo.dir });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(await snapshotCounts(app.database.prisma)).toEqual(before);
  });

  test("outside a git repository, with a bad token, or with no server, it fails with the reason", async () => {
    const outside = await keel(["deploy", "--service", "s", "--sha", "HEAD"], { cwd: tmp });
    expect([outside.code, outside.stderr]).toEqual([1, expect.stringContaining("not inside a git repository")]);

    const repo = gitRepo("auth");
    repo.commit("x", "2026-11-05T09:00:00Z");
    const denied = await keel(["deploy", "--service", "s", "--sha", "HEAD"], { cwd: repo.dir, env: { KEEL_TOKEN: "wrong-token" } });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain("401 UNAUTHORIZED");
    expect(denied.stderr).toContain("The API token is not valid");

    // A CI job's ingest-only token is enough: it may read the last deployment it counts from.
    const { token: ingestOnly } = await createToken({ db: app.database.prisma, input: { name: "ci-ingest", scope: "ingest" } });
    const scoped = await keel(["deploy", "--service", "s", "--sha", "HEAD", "--id", "s-ingest-1", "--token", ingestOnly], { cwd: repo.dir });
    expect([scoped.code, scoped.stderr]).toEqual([0, ""]);
    expect(scoped.stdout).toContain("First deployment of s to production");

    const offline = await keel(["deploy", "--service", "s", "--sha", "HEAD", "--url", "http://127.0.0.1:9"], { cwd: repo.dir });
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain("cannot reach Keel at http://127.0.0.1:9");

    const noToken = await runKeel(["deploy", "--service", "s", "--sha", "HEAD", "--url", app.url], { cwd: repo.dir });
    expect([noToken.code, noToken.stderr]).toEqual([2, expect.stringContaining("KEEL_TOKEN")]);
  });
});

describe("keel junit", () => {
  const fixture = (name: string) => path.join(repoRoot, "test/fixtures/junit", name);

  beforeAll(async () => {
    const res = await app.request("/api/v1/builds", {
      json: {
        id: "cli-build-1",
        pipeline: "ci",
        service: "shop",
        commitSha: "abcdef12",
        status: "success",
        startedAt: "2026-11-10T10:00:00Z",
        finishedAt: "2026-11-10T10:08:00Z",
      },
    });
    expect(res.status).toBe(200);
  });

  test("uploads each file gzipped as a report named after it; uploading again replaces it", async () => {
    const files = [fixture("pytest.xml"), fixture("jest-junit.xml")];
    const result = await keel(["junit", "--build", "cli-build-1", ...files]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/pytest\.xml → report "pytest": \d+ tests/);
    expect(result.stdout).toMatch(/jest-junit\.xml → report "jest-junit": \d+ tests/);
    const reports = await app.database.prisma.testReport.findMany({ where: { buildId: "cli-build-1" }, orderBy: { name: "asc" } });
    expect(reports.map((r) => r.name)).toEqual(["jest-junit", "pytest"]);
    const results = await app.database.prisma.testResult.count({ where: { buildId: "cli-build-1" } });

    const again = await keel(["junit", "--build", "cli-build-1", "--report", "pytest", fixture("pytest.xml")]);
    expect(again.code).toBe(0);
    expect(await app.database.prisma.testReport.count({ where: { buildId: "cli-build-1" } })).toBe(2);
    expect(await app.database.prisma.testResult.count({ where: { buildId: "cli-build-1" } })).toBe(results);
  });

  test("an unknown build, a missing file and a broken report fail with exit 1", async () => {
    const unknown = await keel(["junit", "--build", "no-such-build", fixture("pytest.xml")]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("404 NOT_FOUND: Build no-such-build does not exist");

    const missing = await keel(["junit", "--build", "cli-build-1", path.join(tmp, "reports/*.xml")]);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining("no such file")]);

    const broken = path.join(tmp, "broken.xml");
    writeFileSync(broken, "<testsuites><testsuite>");
    const bad = await keel(["junit", "--build", "cli-build-1", broken]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("400 VALIDATION_FAILED");
    expect(await app.database.prisma.testReport.count({ where: { name: "broken" } })).toBe(0);
  });

  test("--report with several files is a usage error", async () => {
    const result = await keel(["junit", "--build", "cli-build-1", "--report", "x", fixture("pytest.xml"), fixture("jest-junit.xml")]);
    expect(result.code).toBe(2);
  });
});

describe("keel import", () => {
  const write = (name: string, content: string) => {
    const file = path.join(tmp, name);
    writeFileSync(file, content);
    return file;
  };

  test("JSON in batches of 1,000; a second import is all unchanged", async () => {
    const events = Array.from({ length: 2_100 }, (_, i) => ({
      type: "change",
      sha: `bf${i.toString(16).padStart(6, "0")}`,
      repository: "acme/backfill",
      committedAt: new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString(),
    }));
    const file = write("backfill.json", JSON.stringify({ events }));
    const first = await keel(["import", file]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("batch 3/3: 100 events");
    expect(first.stdout).toContain("Imported 2,100 events: created 2,100, updated 0, unchanged 0.");
    expect(await app.database.prisma.change.count({ where: { repository: "acme/backfill" } })).toBe(2_100);

    const again = await keel(["import", file]);
    expect(again.stdout).toContain("Imported 2,100 events: created 0, updated 0, unchanged 2,100.");
  });

  test("a plain JSON array works too", async () => {
    const file = write("array.json", JSON.stringify([{ type: "incident", id: "imp-inc-1", service: "shop", openedAt: "2026-11-01T10:00:00Z" }]));
    const result = await keel(["import", file]);
    expect(result.code).toBe(0);
    expect(await app.database.prisma.incident.count({ where: { id: "imp-inc-1" } })).toBe(1);
  });

  test("CSV: a type column and the fields as columns, quoted cells and ;-separated labels", async () => {
    const file = write(
      "backfill.csv",
      [
        "type,id,service,status,finishedAt,sha,committedAt,labels,title,openedAt,resolvedAt,pipeline,commitSha,startedAt,attempt,notCausedByChange",
        "deployment,csv-d1,shop,success,2026-11-01T12:00:00Z,,,,,,,,cafe0001,,,",
        'change,,shop,,,cafe0001,2026-11-01T09:00:00Z,tech-debt;backend,"Refactor cart, part 1",,,,,,,',
        "incident,csv-i1,shop,,,,,,,2026-11-01T13:00:00Z,2026-11-01T14:30:00Z,,,,,true",
        "build,csv-b1,,success,2026-11-01T11:10:00Z,,,,,,,ci,cafe0001,2026-11-01T11:00:00Z,2,",
      ].join("\r\n") + "\r\n",
    );
    const result = await keel(["import", file]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("4 valid events");
    const change = await app.database.prisma.change.findFirstOrThrow({ where: { sha: "cafe0001" } });
    expect([change.title, change.labels, change.category]).toEqual(["Refactor cart, part 1", ["tech-debt", "backend"], "debt"]);
    expect(await linkedShas("csv-d1")).toEqual(["cafe0001"]);
    const incident = await app.database.prisma.incident.findUniqueOrThrow({ where: { id: "csv-i1" } });
    expect([incident.notCausedByChange, incident.resolvedAt?.toISOString()]).toEqual([true, "2026-11-01T14:30:00.000Z"]);
    expect((await app.database.prisma.build.findUniqueOrThrow({ where: { id: "csv-b1" } })).attempt).toBe(2);
  });

  test("--dry-run validates and prints the batches, and sends nothing", async () => {
    const events = Array.from({ length: 1_500 }, (_, i) => ({ type: "incident", id: `dry-${i}`, openedAt: "2026-11-01T10:00:00Z" }));
    const file = write("dry.json", JSON.stringify({ events }));
    const before = await snapshotCounts(app.database.prisma);
    const result = await keel(["import", file, "--dry-run"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Dry run: would send 2 batches");
    expect(result.stdout).toContain("batch 1: 1,000 events, events[0] to events[999] (incident 1000)");
    expect(result.stdout).toContain("batch 2: 500 events, events[1000] to events[1499] (incident 500)");
    expect(await snapshotCounts(app.database.prisma)).toEqual(before);
  });

  test("a JSON file with errors: every error with its path, exit 1, nothing sent", async () => {
    const file = write(
      "bad.json",
      JSON.stringify({
        events: [
          { type: "deployment", id: "bad-1", service: "shop", status: "success", finishedAt: "2026-11-01T12:00:00Z" },
          { type: "deployment", id: "bad-2", service: "shop", status: "success", finishedAt: "2026-02-30T12:00:00Z" },
          {
            type: "build",
            id: "bad-3",
            commitSha: "abcd1234",
            status: "ok",
            startedAt: "2026-11-01T12:00:00Z",
            finishedAt: "2026-11-01T12:00:00Z",
            colour: "red",
          },
          { type: "rollout", id: "bad-4" },
        ],
      }),
    );
    const before = await snapshotCounts(app.database.prisma);
    const result = await keel(["import", file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("has 5 errors; nothing was sent");
    for (const path of ["events[1].finishedAt", "events[2].pipeline", "events[2].status", "events[2].colour", "events[3].type"]) {
      expect(result.stderr).toContain(`  ${path}: `);
    }
    expect(await snapshotCounts(app.database.prisma)).toEqual(before);
  });

  test("a CSV file with errors names each line and column; commits are refused in CSV", async () => {
    const bad = write(
      "bad.csv",
      [
        "type,id,service,status,finishedAt,responders",
        "deployment,c1,shop,success,2026-11-01",
        "incident,c2,shop,,,lots",
        "deployment,c3,shop,success,2026-11-01T10:00:00Z,3",
      ].join("\n"),
    );
    const before = await snapshotCounts(app.database.prisma);
    const result = await keel(["import", bad]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("line 2, column finishedAt: ");
    expect(result.stderr).toContain("line 3, column openedAt: ");
    expect(result.stderr).toContain("line 3, column responders: ");
    expect(result.stderr).toContain("line 4, column responders: is not a known field");

    const commits = write("commits.csv", "type,id,service,status,finishedAt,commits\ndeployment,c4,shop,success,2026-11-01T10:00:00Z,abc\n");
    const refused = await keel(["import", commits]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("commits are not supported in CSV");
    expect(await snapshotCounts(app.database.prisma)).toEqual(before);
  });

  test("usage: no file is exit 2; an unreadable or unknown file is exit 1", async () => {
    expect((await keel(["import"])).code).toBe(2);
    expect((await keel(["import", path.join(tmp, "nope.json")])).code).toBe(1);
    expect((await keel(["import", write("events.txt", "x")])).stderr).toContain(".json or .csv");
  });
});
