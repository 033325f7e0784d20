import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { repoRoot } from "../support/keelProcess.ts";
import { startAppWithBuild, type TestApp, uploadJunit } from "../support/httpApp.ts";

let app: TestApp;
const fixture = (name: string) => readFileSync(path.join(repoRoot, "test/fixtures/junit", name));
const upload = (buildId: string, body: Buffer | string, headers: Record<string, string> = {}, report = "unit") =>
  uploadJunit(app, buildId, body, headers, report);

beforeAll(async () => {
  app = await startAppWithBuild();
});
afterAll(() => app.close());

describe("POST /api/v1/builds/{id}/junit", () => {
  test("a Surefire report with flakyFailure: counts from the body, results stored", async () => {
    const res = await upload("b-1", fixture("surefire-flakyFailure.xml"));
    expect(res.status).toBe(200);
    const body = await res.json();
    // The test failed four times (3 flakyFailure, 1 flakyError) and then passed.
    expect(body).toMatchObject({ flakyRetries: 4, failed: 0, errors: 0 });
    expect(body.tests).toBe(body.passed + body.failed + body.errors + body.skipped);
    const stored = await app.database.prisma.testResult.count({ where: { buildId: "b-1" } });
    expect(stored).toBe(body.tests + 4);
  });

  test("sending the same report name again replaces its results; gzip is accepted", async () => {
    const before = await app.database.prisma.testResult.count({ where: { buildId: "b-1" } });
    const res = await upload("b-1", gzipSync(fixture("surefire-flakyFailure.xml")), { "content-encoding": "gzip" });
    expect(res.status).toBe(200);
    expect(await app.database.prisma.testResult.count({ where: { buildId: "b-1" } })).toBe(before);
    expect(await app.database.prisma.testReport.count({ where: { buildId: "b-1" } })).toBe(1);
  });

  test("an unknown build is a 404 and stores nothing", async () => {
    const res = await upload("no-such-build", fixture("pytest.xml"));
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe("NOT_FOUND");
  });

  test.each([
    ["JSON content type", "<testsuites/>", { "content-type": "application/json" }, 415],
    ["brotli encoding", "<testsuites/>", { "content-encoding": "br" }, 415],
    ["broken XML", "<testsuites><testsuite>", {}, 400],
    ["a DTD", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><testsuites>&a;</testsuites>', {}, 400],
    ["not JUnit", "<html><body/></html>", {}, 400],
  ])("%s gets %i and stores nothing", async (_name, body, headers, status) => {
    const before = await app.database.prisma.testResult.count();
    const res = await upload("b-1", body, headers as Record<string, string>, "other");
    expect(res.status).toBe(status);
    expect((await res.json()).error).toBeDefined();
    expect(await app.database.prisma.testResult.count()).toBe(before);
    expect(await app.database.prisma.testReport.count({ where: { name: "other" } })).toBe(0);
  });

  test("a gzip bomb over 50 MB uncompressed gets 413 and the server stays up", async () => {
    const bomb = gzipSync(Buffer.concat([Buffer.from("<testsuites>"), Buffer.alloc(60 * 1024 * 1024, " "), Buffer.from("</testsuites>")]));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload("b-1", bomb, { "content-encoding": "gzip" }, "bomb");
    expect(res.status).toBe(413);
    expect((await app.request("/healthz")).status).toBe(200);
  });
});
