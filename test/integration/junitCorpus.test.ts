// Every real JUnit report of test/fixtures/junit-corpus goes through the HTTP upload and must give
// the answer its sidecar names (the corpus README explains the sidecars). One app for the whole
// file; uploads run a few at a time, each to its own build and repository so no two files share
// a test identity.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../support/keelProcess.ts";
import { startTestApp, type TestApp } from "../support/httpApp.ts";

interface Expect {
  status: number;
  tests?: number;
  passed?: number;
  failed?: number;
  errors?: number;
  skipped?: number;
  flakyRetries?: number;
}

const corpusDir = path.join(repoRoot, "test/fixtures/junit-corpus");
const COUNTS = ["tests", "passed", "failed", "errors", "skipped", "flakyRetries"] as const;

function corpusFiles(): { file: string; sidecar: string }[] {
  const out: { file: string; sidecar: string }[] = [];
  for (const source of readdirSync(corpusDir, { withFileTypes: true })) {
    if (!source.isDirectory()) continue;
    const names = readdirSync(path.join(corpusDir, source.name)).sort();
    for (const name of names) {
      if (!name.endsWith(".json")) continue;
      const stem = name.slice(0, -".json".length);
      const report = names.find((n) => n !== name && n.slice(0, n.lastIndexOf(".")) === stem);
      if (report === undefined) throw new Error(`No report beside ${source.name}/${name}`);
      out.push({ file: `${source.name}/${report}`, sidecar: `${source.name}/${name}` });
    }
  }
  return out;
}

const cases = corpusFiles().map((c, i) => ({ ...c, build: `corpus-${i}` }));
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  const events = cases.map(({ build }, i) => ({
    type: "build",
    id: build,
    pipeline: "ci",
    repository: `corpus-repo-${i}`,
    commitSha: `c0ffee${i.toString(16).padStart(6, "0")}`,
    status: "success",
    startedAt: "2026-11-10T10:00:00Z",
    finishedAt: "2026-11-10T10:08:00Z",
  }));
  const res = await app.request("/api/v1/events", { json: { events } });
  expect(res.status).toBe(200);
});
afterAll(() => app.close());

describe("the JUnit corpus", () => {
  test("holds every report of the shared corpus", () => {
    expect(cases.length).toBe(451);
  });

  for (const { file, sidecar, build } of cases)
    test.concurrent(file, async () => {
      const expected = (JSON.parse(readFileSync(path.join(corpusDir, sidecar), "utf8")) as { expect: Expect }).expect;
      const res = await app.request(`/api/v1/builds/${build}/junit?report=corpus`, {
        method: "POST",
        body: readFileSync(path.join(corpusDir, file)),
        headers: { "content-type": "application/xml" },
      });
      const body = (await res.json()) as Record<string, unknown>;
      const got: Record<string, unknown> = { status: res.status };
      if (res.status === 200) for (const k of COUNTS) got[k] = body[k];
      expect(got, JSON.stringify(body).slice(0, 400)).toEqual(expected);
      if (res.status !== 200) {
        expect(await app.database.prisma.testReport.count({ where: { buildId: build } })).toBe(0);
      }
    });
});
