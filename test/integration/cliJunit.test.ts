// `keel junit` as a user runs it: the real command in a child process against a running app,
// uploading JUnit files as reports of a build.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../support/keelProcess.ts";
import { type CliApp, startCliApp } from "../support/cliApp.ts";

let app: CliApp;
beforeAll(async () => {
  app = await startCliApp();
});
afterAll(() => app?.close());

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
    const result = await app.keel(["junit", "--build", "cli-build-1", ...files]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/pytest\.xml → report "pytest": \d+ tests/);
    expect(result.stdout).toMatch(/jest-junit\.xml → report "jest-junit": \d+ tests/);
    const reports = await app.database.prisma.testReport.findMany({ where: { buildId: "cli-build-1" }, orderBy: { name: "asc" } });
    expect(reports.map((r) => r.name)).toEqual(["jest-junit", "pytest"]);
    const results = await app.database.prisma.testResult.count({ where: { buildId: "cli-build-1" } });

    const again = await app.keel(["junit", "--build", "cli-build-1", "--report", "pytest", fixture("pytest.xml")]);
    expect(again.code).toBe(0);
    expect(await app.database.prisma.testReport.count({ where: { buildId: "cli-build-1" } })).toBe(2);
    expect(await app.database.prisma.testResult.count({ where: { buildId: "cli-build-1" } })).toBe(results);
  });

  test("an unknown build, a missing file and a broken report fail with exit 1", async () => {
    const unknown = await app.keel(["junit", "--build", "no-such-build", fixture("pytest.xml")]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("404 NOT_FOUND: Build no-such-build does not exist");

    const missing = await app.keel(["junit", "--build", "cli-build-1", path.join(app.tmp, "reports/*.xml")]);
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining("no such file")]);

    const broken = path.join(app.tmp, "broken.xml");
    writeFileSync(broken, "<testsuites><testsuite>");
    const bad = await app.keel(["junit", "--build", "cli-build-1", broken]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("400 VALIDATION_FAILED");
    expect(await app.database.prisma.testReport.count({ where: { name: "broken" } })).toBe(0);
  });

  test("--report with several files is a usage error", async () => {
    const result = await app.keel(["junit", "--build", "cli-build-1", "--report", "x", fixture("pytest.xml"), fixture("jest-junit.xml")]);
    expect(result.code).toBe(2);
  });
});
