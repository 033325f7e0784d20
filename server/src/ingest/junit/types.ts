// What the JUnit parser produces and the test-report service stores.

export type TestOutcome = "passed" | "failed" | "error" | "skipped";

/** One execution of one test case. Retries inside one report are separate executions, retry 0, 1, 2... */
export interface TestExecution {
  /** Suite or classname, normalised (dots for separators). */
  suite: string;
  name: string;
  /** Variant of the same test, e.g. Playwright's project; "" when none. */
  variant: string;
  status: TestOutcome;
  durationMs: number;
  retry: number;
}

export interface ParsedReport {
  executions: TestExecution[];
  /** Counts from the body (never the header): distinct tests and their final outcomes. */
  summary: { tests: number; passed: number; failed: number; errors: number; skipped: number; flakyRetries: number };
  /** What was read but not as written, or looks wrong (a header counting tests the body lacks). */
  warnings: string[];
  /** Characters XML forbids (ANSI escapes, NUL) that were replaced by U+FFFD. */
  repairs: number;
}
