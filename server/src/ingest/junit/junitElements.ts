// Turns the JUnit element stream (open/close events, no text) into test executions.

import { parseDurationMs } from "./duration.ts";
import type { ReportBuilder } from "./reportBuilder.ts";
import { normalizeSuite, normalizeText } from "./testIdentity.ts";
import type { TestOutcome } from "./types.ts";

type Attributes = Record<string, string>;

interface Attempt {
  status: "failed" | "error";
  durationMs: number;
}

interface OpenSuite {
  /** Normalised name of the innermost suite that has one. */
  name: string;
  /** Nearest `hostname`, used as the variant in Playwright reports. */
  hostname: string;
}

interface OpenCase {
  depth: number;
  classname: string;
  name: string;
  durationMs: number;
  outcome: TestOutcome | undefined;
  /** Surefire `flakyFailure`/`flakyError`: failed runs before the final one. */
  before: Attempt[];
  /** Surefire `rerunFailure`/`rerunError`: failed runs after the first `failure`/`error`. */
  after: Attempt[];
}

// A Map, not an object: element names such as <constructor> must not find prototype members.
const ATTEMPT_ELEMENTS = new Map<string, { list: "before" | "after"; status: Attempt["status"] }>([
  ["flakyFailure", { list: "before", status: "failed" }],
  ["flakyError", { list: "before", status: "error" }],
  ["rerunFailure", { list: "after", status: "failed" }],
  ["rerunError", { list: "after", status: "error" }],
]);

export class JunitElements {
  private depth = 0;
  private readonly suites: OpenSuite[] = [];
  private testCase: OpenCase | undefined;
  private hostnameIsVariant = false;
  /** Consecutive test cases usually share a classname: reuse one copy of it. */
  private lastClassname = "";

  constructor(private readonly builder: ReportBuilder) {}

  open(name: string, attributes: Attributes): void {
    this.depth += 1;
    if (this.depth === 1) {
      // Playwright's reporter always writes an `id` on <testsuites> (empty by default) and puts
      // the project name in each suite's `hostname`. Other reporters (Ant, Gradle, pytest,
      // Vitest) put the machine name in `hostname` and write no `id` on the root: for them the
      // hostname must not split one test into several identities.
      this.hostnameIsVariant = name === "testsuites" && attributes.id !== undefined;
    }
    const testCase = this.testCase;
    if (testCase === undefined) {
      if (name === "testsuite") this.openSuite(attributes);
      else if (name === "testcase") this.openCase(attributes);
      return;
    }
    if (this.depth !== testCase.depth + 1) return;
    const attempt = ATTEMPT_ELEMENTS.get(name);
    if (attempt !== undefined) {
      const time = attributes.time;
      const durationMs = time === undefined ? testCase.durationMs : parseDurationMs(time);
      testCase[attempt.list].push({ status: attempt.status, durationMs });
    } else if (name === "failure" || name === "error") {
      // A failure or error outranks a skip; between the two, the first one written wins.
      if (testCase.outcome === undefined || testCase.outcome === "skipped") {
        testCase.outcome = name === "failure" ? "failed" : "error";
      }
    } else if (name === "skipped") {
      // pytest writes xfail as <skipped type="pytest.xfail">: skipped too.
      testCase.outcome ??= "skipped";
    }
  }

  close(name: string): void {
    const testCase = this.testCase;
    if (testCase === undefined) {
      if (name === "testsuite") this.suites.pop();
    } else if (this.depth === testCase.depth) {
      this.testCase = undefined;
      this.emit(testCase);
    }
    this.depth -= 1;
  }

  private openSuite(attributes: Attributes): void {
    const parent = this.suites.at(-1);
    const name = normalizeSuite(attributes.name ?? "");
    const hostname = attributes.hostname;
    this.suites.push({
      name: name !== "" ? detach(name) : (parent?.name ?? ""),
      hostname: hostname !== undefined ? detach(normalizeText(hostname)) : (parent?.hostname ?? ""),
    });
  }

  private openCase(attributes: Attributes): void {
    this.testCase = {
      depth: this.depth,
      classname: normalizeSuite(attributes.classname ?? ""),
      name: detach(normalizeText(attributes.name ?? "")),
      durationMs: parseDurationMs(attributes.time),
      outcome: undefined,
      before: [],
      after: [],
    };
  }

  private sharedClassname(classname: string): string {
    if (classname !== this.lastClassname) this.lastClassname = detach(classname);
    return this.lastClassname;
  }

  private emit(testCase: OpenCase): void {
    const suite = this.suites.at(-1);
    const suiteName = testCase.classname !== "" ? this.sharedClassname(testCase.classname) : (suite?.name ?? "");
    const variant = this.hostnameIsVariant ? (suite?.hostname ?? "") : "";
    const { name, durationMs } = testCase;
    for (const attempt of testCase.before) {
      this.builder.add(suiteName, name, variant, attempt.status, attempt.durationMs);
    }
    this.builder.add(suiteName, name, variant, testCase.outcome ?? "passed", durationMs);
    for (const attempt of testCase.after) {
      this.builder.add(suiteName, name, variant, attempt.status, attempt.durationMs);
    }
  }
}

// V8 keeps a substring as a view on its parent, and saxes hands out attribute values sliced
// from the decoded chunk: storing one would keep the whole ~64 KB chunk alive, so memory would
// grow with the input. Concatenating then slicing forces a small private copy.
function detach(value: string): string {
  return (" " + value).slice(1);
}
