// A pipeline's test report (GET /projects/:id/pipelines/:id/test_report: the JUnit reports its jobs
// uploaded as artifacts:reports:junit, already parsed by GitLab) → the report Keel stores for the
// build, through the JUnit parser's own builder and names (ingest/junit), so a test reported by
// GitLab and the same test sent by `keel junit` are one test. Pure.
import { ReportBuilder } from "../../ingest/junit/reportBuilder.ts";
import { normalizeName, normalizeSuite } from "../../ingest/junit/testIdentity.ts";
import type { ParsedReport, TestOutcome } from "../../ingest/junit/types.ts";

export interface GitlabTestReport {
  total_count?: number | null;
  test_suites?: {
    /** The job's name ("rspec"); a case's suite is its classname, else this. */
    name: string;
    test_cases?: { status: string; name: string; classname?: string | null; execution_time?: number | null }[] | null;
  }[];
}

/** The name the report is stored under for its build: a later sync replaces it, never adds to it. */
export const GITLAB_TEST_REPORT_NAME = "gitlab-pipeline-test-report";

const outcomes = new Map<string, TestOutcome>([
  ["success", "passed"],
  ["failed", "failed"],
  ["error", "error"],
  ["skipped", "skipped"],
]);

/** The report, or undefined when the pipeline reported no tests. */
export function mapTestReport(report: GitlabTestReport): ParsedReport | undefined {
  const builder = new ReportBuilder();
  let cases = 0;
  for (const suite of report.test_suites ?? []) {
    for (const c of suite.test_cases ?? []) {
      const status = outcomes.get(c.status);
      if (!status) {
        builder.warn(`test cases with status "${c.status}" were left out`);
        continue;
      }
      const seconds = c.execution_time ?? 0;
      builder.add(
        normalizeSuite(c.classname || suite.name),
        normalizeName(c.name),
        "",
        status,
        Number.isFinite(seconds) ? Math.max(0, Math.round(seconds * 1000)) : 0,
      );
      cases += 1;
    }
  }
  return cases ? builder.build() : undefined;
}
