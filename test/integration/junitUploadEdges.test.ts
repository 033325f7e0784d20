// JUnit uploads at the edges real runners reach: very long names, repaired characters, other
// encodings, and inputs past the parser's limits (a clear 400, quickly, nothing stored).
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startAppWithBuild, type TestApp, uploadJunit } from "../support/httpApp.ts";

let app: TestApp;
const upload = (buildId: string, body: Buffer | string) => uploadJunit(app, buildId, body);

beforeAll(async () => {
  app = await startAppWithBuild();
});
afterAll(() => app.close());

describe("JUnit uploads at the edges", () => {
  test("a test name of 10 KB is stored whole and keeps one identity across uploads", async () => {
    const longName = "parametrized[" + "é".repeat(5_000) + "]";
    const xml = `<testsuite name="s"><testcase name="${longName}"/><testcase name="${longName}x"/></testsuite>`;
    for (const report of ["a", "b"]) {
      const res = await uploadJunit(app, "b-1", xml, {}, report);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ tests: 2, passed: 2 });
    }
    const cases = await app.database.prisma.testCase.findMany({ where: { suite: "s" }, select: { name: true, keyHash: true } });
    expect(cases.map((c) => c.name).sort()).toEqual([longName, longName + "x"]);
    expect(cases.every((c) => /^[0-9a-f]{64}$/.test(c.keyHash))).toBe(true);
  });

  test("the answer counts repaired characters and carries warnings", async () => {
    const xml = '\n<?xml version="1.0"?>\n<testsuite name="w"><testcase name="\u001b[32mok\u001b[0m" time="NaN"/></testsuite>';
    const res = await upload("b-1", xml);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ tests: 1, passed: 1, repairs: 2 });
    expect(body.warnings).toHaveLength(2);
  });

  test("an ISO-8859-1 report is decoded as declared", async () => {
    const xml = '<?xml version="1.0" encoding="ISO-8859-1"?><testsuite name="latin"><testcase name="café"/></testsuite>';
    const res = await upload("b-1", Buffer.from(xml, "latin1"));
    expect(res.status).toBe(200);
    expect(await app.database.prisma.testCase.count({ where: { suite: "latin", name: "café" } })).toBe(1);
  });

  test("a 45 MB attribute is a quick 400 naming the limit, and nothing is stored", async () => {
    const before = await app.database.prisma.testResult.count();
    const body = Buffer.concat([Buffer.from('<testsuite name="big"><testcase name="'), Buffer.alloc(45 * 1024 * 1024, "a"), Buffer.from('"/></testsuite>')]);
    const started = Date.now();
    const res = await upload("b-1", body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/attribute name of <testcase> is \d+ characters long; at most 1048576/);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await app.database.prisma.testResult.count()).toBe(before);
  });

  test("a header claiming tests the body lacks is a warning, not a silent success", async () => {
    const res = await upload("b-1", '<testsuites><testsuite name="e" tests="6"/></testsuites>');
    expect(res.status).toBe(200);
    expect((await res.json()).warnings).toEqual(["The header says 6 tests but the report holds no <testcase>: nothing was recorded"]);
  });
});
