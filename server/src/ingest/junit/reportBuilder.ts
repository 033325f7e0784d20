import type { ParsedReport, TestExecution, TestOutcome } from "./types.ts";

interface Tally {
  runs: number;
  last: TestOutcome;
  failedRuns: number;
}

/** Collects executions in order, numbers retries per test and counts final outcomes. */
export class ReportBuilder {
  private readonly executions: TestExecution[] = [];
  // Keyed by suite and variant, then by name: the name strings are the ones the executions
  // already hold, so tracking tests adds no per-test key string (it was half the memory).
  private readonly tallies = new Map<string, Map<string, Tally>>();

  /** `suite`, `name` and `variant` must already be normalised (see testIdentity.ts). */
  add(suite: string, name: string, variant: string, status: TestOutcome, durationMs: number): void {
    const groupKey = `${suite}\u001f${variant}`;
    let group = this.tallies.get(groupKey);
    if (group === undefined) {
      group = new Map();
      this.tallies.set(groupKey, group);
    }
    let tally = group.get(name);
    if (tally === undefined) {
      tally = { runs: 0, last: status, failedRuns: 0 };
      group.set(name, tally);
    }
    this.executions.push({ suite, name, variant, status, durationMs, retry: tally.runs });
    tally.runs += 1;
    tally.last = status;
    if (status === "failed" || status === "error") tally.failedRuns += 1;
  }

  build(): ParsedReport {
    const summary = { tests: 0, passed: 0, failed: 0, errors: 0, skipped: 0, flakyRetries: 0 };
    for (const group of this.tallies.values()) {
      for (const tally of group.values()) {
        summary.tests += 1;
        if (tally.last === "passed") {
          summary.passed += 1;
          summary.flakyRetries += tally.failedRuns;
        } else if (tally.last === "failed") summary.failed += 1;
        else if (tally.last === "error") summary.errors += 1;
        else summary.skipped += 1;
      }
    }
    return { executions: this.executions, summary };
  }
}
