// `keel deploy` as a user runs it: the real command in a child process, in a real git repository,
// against a running app, checking exit codes, what it prints and what was stored.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createToken } from "../../server/src/services/tokens.ts";
import { runKeel } from "../support/keelCli.ts";
import { snapshotCounts } from "../support/snapshotCounts.ts";
import { type CliApp, shippedShas, startCliApp } from "../support/cliApp.ts";

let app: CliApp;
beforeAll(async () => {
  app = await startCliApp();
});
afterAll(() => app?.close());

/** A git repository in a temp directory, with commits at fixed times. */
function gitRepo(name: string) {
  const dir = path.join(app.tmp, name);
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

const linkedShas = (deploymentId: string) => shippedShas(app, deploymentId);

describe("keel deploy", () => {
  test("the first deployment of a service reports its head commit; the next one every commit since", async () => {
    const repo = gitRepo("deploy");
    repo.commit("initial", "2026-11-01T09:00:00Z");
    const first = repo.commit("feat: checkout page", "2026-11-02T10:00:00Z");
    const one = await app.keel(["deploy", "--service", "shop", "--sha", first, "--id", "shop-1", "--finished-at", "2026-11-02T12:00:00Z"], { cwd: repo.dir });
    expect(one.stderr).toBe("");
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("First deployment of shop to production");
    expect(one.stdout).toContain("1 commit, created");
    expect(await linkedShas("shop-1")).toEqual([first]);

    const second = repo.commit("fix: rounding", "2026-11-03T10:00:00Z");
    const third = repo.commit("Add coupons (#42)", "2026-11-03T11:00:00Z");
    const two = await app.keel(["deploy", "--service", "shop", "--sha", "HEAD", "--id", "shop-2"], { cwd: repo.dir });
    expect(two.code).toBe(0);
    expect(two.stdout).toContain("2 commits, created");
    expect(two.stdout).toContain(`since the last deployment ${first.slice(0, 12)}`);
    expect(await linkedShas("shop-2")).toEqual([second, third].sort());
    const stored = await app.database.prisma.deployment.findUniqueOrThrow({ where: { id: "shop-2" } });
    expect(stored.commitSha).toBe(third);
    const coupons = await app.database.prisma.change.findFirstOrThrow({ where: { sha: third } });
    expect([coupons.prNumber, coupons.title, coupons.committedAt.toISOString()]).toEqual([42, "Add coupons (#42)", "2026-11-03T11:00:00.000Z"]);

    // Another environment has its own history: its first deployment is again the head alone.
    const staging = await app.keel(["deploy", "--service", "shop", "--sha", third, "--environment", "staging", "--id", "shop-s1"], { cwd: repo.dir });
    expect(staging.code).toBe(0);
    expect(staging.stdout).toContain("First deployment of shop to staging");
  });

  test("a failed deployment is not where the next one starts counting", async () => {
    const repo = gitRepo("failed");
    const a = repo.commit("a", "2026-11-04T09:00:00Z");
    expect((await app.keel(["deploy", "--service", "api", "--sha", a, "--id", "api-1"], { cwd: repo.dir })).code).toBe(0);
    const b = repo.commit("b", "2026-11-04T10:00:00Z");
    expect((await app.keel(["deploy", "--service", "api", "--sha", b, "--status", "failure", "--id", "api-2"], { cwd: repo.dir })).code).toBe(0);
    const c = repo.commit("c", "2026-11-04T11:00:00Z");
    const retry = await app.keel(["deploy", "--service", "api", "--sha", c, "--id", "api-3"], { cwd: repo.dir });
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
    const result = await app.keel(args, { cwd: repo.dir });
    expect(result.code).toBe(code);
    expect(result.stderr).toContain(message);
    expect(await snapshotCounts(app.database.prisma)).toEqual(before);
  });

  test("outside a git repository, with a bad token, or with no server, it fails with the reason", async () => {
    const outside = await app.keel(["deploy", "--service", "s", "--sha", "HEAD"], { cwd: app.tmp });
    expect([outside.code, outside.stderr]).toEqual([1, expect.stringContaining("not inside a git repository")]);

    const repo = gitRepo("auth");
    repo.commit("x", "2026-11-05T09:00:00Z");
    const denied = await app.keel(["deploy", "--service", "s", "--sha", "HEAD"], { cwd: repo.dir, env: { KEEL_TOKEN: "wrong-token" } });
    expect(denied.code).toBe(1);
    expect(denied.stderr).toContain("401 UNAUTHORIZED");
    expect(denied.stderr).toContain("The API token is not valid");

    // A CI job's ingest-only token is enough: it may read the last deployment it counts from.
    const { token: ingestOnly } = await createToken({ db: app.database.prisma, input: { name: "ci-ingest", scope: "ingest" } });
    const scoped = await app.keel(["deploy", "--service", "s", "--sha", "HEAD", "--id", "s-ingest-1", "--token", ingestOnly], { cwd: repo.dir });
    expect([scoped.code, scoped.stderr]).toEqual([0, ""]);
    expect(scoped.stdout).toContain("First deployment of s to production");

    const offline = await app.keel(["deploy", "--service", "s", "--sha", "HEAD", "--url", "http://127.0.0.1:9"], { cwd: repo.dir });
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain("cannot reach Keel at http://127.0.0.1:9");

    const noToken = await runKeel(["deploy", "--service", "s", "--sha", "HEAD", "--url", app.url], { cwd: repo.dir });
    expect([noToken.code, noToken.stderr]).toEqual([2, expect.stringContaining("KEEL_TOKEN")]);
  });
});
