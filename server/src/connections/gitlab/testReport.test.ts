import { describe, expect, test } from "vitest";
import { mapTestReport, type GitlabTestReport } from "./testReport.ts";

const suite = (name: string, cases: { status: string; name: string; classname?: string | null; execution_time?: number | null }[]) => ({
  name,
  test_cases: cases,
});

describe("mapTestReport", () => {
  test.each<[string, GitlabTestReport, unknown]>([
    ["no suites: no report", { total_count: 0, test_suites: [] }, undefined],
    ["suites without cases: no report", { test_suites: [suite("rspec", [])] }, undefined],
    [
      "outcomes as the JUnit parser names them; seconds → ms; suite from the classname",
      {
        test_suites: [
          suite("rspec", [
            { status: "success", name: " pays ", classname: "spec/pay_spec.rb", execution_time: 0.4204 },
            { status: "failed", name: "rounds", classname: "spec/pay_spec.rb", execution_time: 1 },
            { status: "error", name: "boots", classname: "spec/boot_spec.rb", execution_time: null },
            { status: "skipped", name: "wallets", classname: "spec/wallet_spec.rb", execution_time: 0 },
          ]),
        ],
      },
      {
        summary: { tests: 4, passed: 1, failed: 1, errors: 1, skipped: 1, flakyRetries: 0 },
        executions: [
          { suite: "spec.pay_spec.rb", name: "pays", variant: "", status: "passed", durationMs: 420, retry: 0 },
          { suite: "spec.pay_spec.rb", name: "rounds", variant: "", status: "failed", durationMs: 1000, retry: 0 },
          { suite: "spec.boot_spec.rb", name: "boots", variant: "", status: "error", durationMs: 0, retry: 0 },
          { suite: "spec.wallet_spec.rb", name: "wallets", variant: "", status: "skipped", durationMs: 0, retry: 0 },
        ],
      },
    ],
    [
      "no classname: the job's suite name",
      { test_suites: [suite("unit tests", [{ status: "success", name: "adds", classname: "" }])] },
      { executions: [{ suite: "unit tests", name: "adds" }] },
    ],
    [
      "the same test twice in a report: a retry (failed, then passed: flaky)",
      {
        test_suites: [
          suite("rspec", [{ status: "failed", name: "t", classname: "a" }]),
          suite("rspec 2/2", [{ status: "success", name: "t", classname: "a" }]),
        ],
      },
      { summary: { tests: 1, passed: 1, flakyRetries: 1 }, executions: [{ retry: 0 }, { retry: 1 }] },
    ],
    [
      "an unknown status is left out, with a warning",
      {
        test_suites: [
          suite("rspec", [
            { status: "pending", name: "p", classname: "a" },
            { status: "success", name: "s", classname: "a" },
          ]),
        ],
      },
      { summary: { tests: 1 }, warnings: ['test cases with status "pending" were left out'] },
    ],
  ])("%s", (_name, input, expected) => {
    const parsed = mapTestReport(input);
    if (expected === undefined) expect(parsed).toBeUndefined();
    else expect(parsed).toMatchObject(expected as object);
  });
});
