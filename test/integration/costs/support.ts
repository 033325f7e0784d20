// Helpers for the cost scenario tests: builds, JUnit reports, deployments and incidents go in
// through the REST API; figures come out of the REST endpoints; cost model edits go through tRPC
// (the web app's API), exactly as clients use them.
import type { AnyEventInput, CostModelUpdateInput } from "@keel/shared";
import { expect } from "vitest";
import type { FlakyTests } from "../../../server/src/services/getFlakyTests.ts";
import type { HoursLost } from "../../../server/src/services/getHoursLost.ts";
import { adminCaller } from "../../support/httpApp.ts";
import { send } from "../dora/support.ts";
import type { TestApp } from "../../support/httpApp.ts";

export type { FlakyTests, HoursLost };

export { send };

export async function getJson<T>(app: TestApp, path: string, params: Record<string, string>): Promise<T> {
  const res = await app.request(`${path}?${new URLSearchParams(params)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

export const flakyTests = (app: TestApp, params: Record<string, string>) => getJson<FlakyTests>(app, "/api/v1/metrics/flaky-tests", params);
export const hoursLost = (app: TestApp, params: Record<string, string>) => getJson<HoursLost>(app, "/api/v1/metrics/hours-lost", params);

export const caller = adminCaller;

export function updateCostModel(app: TestApp, input: CostModelUpdateInput) {
  return caller(app).costModel.update(input);
}

export interface BuildSpec {
  id: string;
  service: string;
  sha: string;
  attempt?: number;
  pipeline?: string;
  status: "success" | "failure" | "cancelled";
  startedAt: string;
  finishedAt: string;
}

export function build(b: BuildSpec): AnyEventInput {
  return {
    type: "build",
    id: b.id,
    pipeline: b.pipeline ?? "ci",
    service: b.service,
    commitSha: b.sha,
    attempt: b.attempt ?? 1,
    status: b.status,
    startedAt: b.startedAt,
    finishedAt: b.finishedAt,
  };
}

export interface CaseSpec {
  classname: string;
  name: string;
  status: "passed" | "failed" | "error" | "skipped";
  /** Surefire `<flakyFailure>` elements before a final pass (the build reran it and it passed). */
  flakyFailures?: number;
  time?: number;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

export function junitXml(cases: CaseSpec[]): string {
  const body = cases
    .map((c) => {
      const inner =
        (c.flakyFailures ? Array.from({ length: c.flakyFailures }, () => '<flakyFailure message="flaky" type="AssertionError"/>').join("") : "") +
        (c.status === "failed" ? '<failure message="boom" type="AssertionError"/>' : "") +
        (c.status === "error" ? '<error message="boom" type="IOException"/>' : "") +
        (c.status === "skipped" ? "<skipped/>" : "");
      return `<testcase classname="${esc(c.classname)}" name="${esc(c.name)}" time="${c.time ?? 1}">${inner}</testcase>`;
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="suite" tests="${cases.length}">\n${body}\n</testsuite>\n`;
}

export async function upload(app: TestApp, buildId: string, cases: CaseSpec[], report = "junit"): Promise<void> {
  const res = await app.request(`/api/v1/builds/${encodeURIComponent(buildId)}/junit?report=${report}`, {
    method: "POST",
    body: junitXml(cases),
    headers: { "content-type": "application/xml" },
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** A build attempt and its report, in one call. `failing` lists the tests that fail; the rest pass. */
export async function attempt(app: TestApp, b: BuildSpec, tests: string[], failing: string[] = []): Promise<void> {
  await send(app, [build(b)]);
  await upload(
    app,
    b.id,
    tests.map((name) => ({ classname: "cost.Suite", name, status: failing.includes(name) ? "failed" : "passed" })),
  );
}

/**
 * Attempt 1 of build `${id}-a1` fails `failing`, and attempt 2 (`${id}-a2`) reruns it on the same sha:
 * passing (a flaky failure), or failing `rerunFailing` too. Times are [started, finished].
 */
export async function failThenRerun(
  app: TestApp,
  id: string,
  service: string,
  sha: string,
  failing: string[],
  runs: { failed: [string, string]; rerun: [string, string]; rerunFailing?: string[] },
): Promise<void> {
  const [startedAt, finishedAt] = runs.failed;
  await attempt(app, { id: `${id}-a1`, service, sha, attempt: 1, status: "failure", startedAt, finishedAt }, TESTS, failing);
  const rerunFailing = runs.rerunFailing ?? [];
  const [rerunStartedAt, rerunFinishedAt] = runs.rerun;
  const status = rerunFailing.length ? "failure" : "success";
  await attempt(app, { id: `${id}-a2`, service, sha, attempt: 2, status, startedAt: rerunStartedAt, finishedAt: rerunFinishedAt }, TESTS, rerunFailing);
}

/** The window most cost scenarios are worked out over, [2026-10-01, 2026-11-01) UTC, and the four tests a–d every build of theirs runs. */
export const OCTOBER = { from: "2026-10-01", to: "2026-11-01" };
export const TESTS = ["a", "b", "c", "d"];

/** Hours with the cost model defaults: context switch 23 min, wait factor 0.5. */
export const CONTEXT_SWITCH_H = 23 / 60;
