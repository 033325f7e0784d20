import { countOf } from "@keel/shared/numbers";
import type { ParsedReport, TestExecution, TestOutcome } from "./types.ts";

interface Tally {
  runs: number;
  last: TestOutcome;
  failedRuns: number;
}

// Warnings of one kind are summed into one line; a few examples are kept.
const EXAMPLES = 3;

/** Collects executions in order, numbers retries per test and counts final outcomes. */
export class ReportBuilder {
  private readonly executions: TestExecution[] = [];
  // Keyed by suite and variant, then by name: the name strings are the ones the executions
  // already hold, so tracking tests adds no per-test key string (it was half the memory).
  private readonly tallies = new Map<string, Map<string, Tally>>();
  private readonly warnings: string[] = [];
  private readonly badDurations: string[] = [];
  private badDurationCount = 0;
  /** Largest `tests` count a suite header claims. */
  private headerTests = 0;
  /**
   * When true, a repeated test case is another test with the same title (jest), not a retry:
   * its name gets " [2]", " [3]"... in order of appearance.
   */
  repeatsAreDistinct = false;

  /** `suite`, `name` and `variant` must already be normalised (see testIdentity.ts). */
  add(suite: string, name: string, variant: string, status: TestOutcome, durationMs: number): void {
    const group = this.group(suite, variant);
    let tally = group.get(name);
    if (tally === undefined) {
      tally = { runs: 0, last: status, failedRuns: 0 };
      group.set(name, tally);
    }
    this.executions.push({ suite, name, variant, status, durationMs, retry: tally.runs });
    tally.runs += 1;
    // A skipped retry never overrides a real outcome (TestNG reports retried attempts as skipped).
    if (status !== "skipped") tally.last = status;
    if (status === "failed" || status === "error") tally.failedRuns += 1;
  }

  /** The name a new test case gets: itself, or " [2]", " [3]"... after it when repeats are distinct. */
  nameOfCase(suite: string, name: string, variant: string): string {
    if (!this.repeatsAreDistinct) return name;
    const group = this.group(suite, variant);
    if (!group.has(name)) return name;
    let n = 2;
    while (group.has(`${name} [${n}]`)) n += 1;
    return `${name} [${n}]`;
  }

  private group(suite: string, variant: string): Map<string, Tally> {
    const groupKey = `${suite}\u001f${variant}`;
    let group = this.tallies.get(groupKey);
    if (group === undefined) {
      group = new Map();
      this.tallies.set(groupKey, group);
    }
    return group;
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }

  /** A `time` attribute that could not be read unambiguously: the execution counts 0 ms. */
  badDuration(raw: string): void {
    this.badDurationCount += 1;
    if (this.badDurations.length < EXAMPLES && !this.badDurations.includes(raw)) this.badDurations.push(raw);
  }

  headerSays(tests: string | undefined): void {
    const n = Number(tests);
    if (Number.isInteger(n) && n > this.headerTests) this.headerTests = n;
  }

  build(repairs = 0): ParsedReport {
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
    const warnings = [...this.warnings];
    if (summary.tests === 0 && this.headerTests > 0) {
      warnings.push(`The header says ${countOf(this.headerTests, "test")} but the report holds no <testcase>: nothing was recorded`);
    }
    if (this.badDurationCount > 0) {
      const examples = this.badDurations.map((d) => JSON.stringify(d)).join(", ");
      warnings.push(`${this.badDurationCount} time attribute(s) could not be read and count as 0 ms (${examples})`);
    }
    return { executions: this.executions, summary, warnings, repairs };
  }
}
