// Every recorded report of test/fixtures/junit/ parses to the answer of its sidecar, the JSON file
// of the same name beside it (as the corpus of test/fixtures/junit-corpus does): `expect` holds the
// summary and one line per execution (see line()), `why` how they follow from the file.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import type { ParsedReport } from "./types.ts";
import { FIXTURES, line, parseFixture } from "./testSupport/reports.ts";

interface Sidecar {
  why: string;
  expect: { summary: ParsedReport["summary"]; executions: string[] };
}

const reports = readdirSync(FIXTURES)
  .filter((file) => file.endsWith(".xml"))
  .sort();

describe("parseJunit on real reports", () => {
  test("holds every recorded report", () => {
    expect(reports.length).toBe(9);
  });

  test.each(reports)("%s", async (file) => {
    const sidecar = JSON.parse(readFileSync(FIXTURES + file.replace(/\.xml$/, ".json"), "utf8")) as Sidecar;
    const report = await parseFixture(file);
    expect(report.summary, sidecar.why).toEqual(sidecar.expect.summary);
    expect(report.executions.map(line), sidecar.why).toEqual(sidecar.expect.executions);
  });
});
