// Turns the JUnit element stream (open/close events, no text) into test executions.

import { readDurationMs } from "./duration.ts";
import { JunitParseError } from "./junitParseError.ts";
import type { ReportBuilder } from "./reportBuilder.ts";
import { normalizeName, normalizeSuite, normalizeText } from "./testIdentity.ts";
import type { TestOutcome } from "./types.ts";

type Attributes = Record<string, string>;

interface Attempt {
  status: "failed" | "error";
  durationMs: number;
}

interface OpenSuite {
  depth: number;
  /** Normalised name of the innermost suite that has one. */
  name: string;
  /** Nearest `hostname`, used as the variant in Playwright reports. */
  hostname: string;
  /** Test cases without a name so far: each is its own test, "(unnamed 1)", "(unnamed 2)"... */
  unnamed: number;
  /** A suite-level <error>/<failure> was already recorded. */
  failed: boolean;
}

// `status` values that mean the case did not run (tst, googletest's DISABLED_ tests), when no
// child says otherwise.
const NOT_RUN = new Set(["disabled", "notrun", "skipped", "ignored"]);
// Children of a JUnit root; anything else alone (Check's <suite>, <test>) is another format.
const JUNIT_CHILDREN = new Set(["testsuite", "testcase", "properties", "property", "system-out", "system-err", "error", "failure", "skipped"]);
/** The test that stands for a suite that failed before any case ran (a class that failed to initialise). */
export const SUITE_FAILURE_NAME = "(suite)";

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
  private rootName = "";
  private sawJunit = false;
  private readonly foreign = new Set<string>();
  private unnamedOutsideSuites = 0;

  constructor(private readonly builder: ReportBuilder) {}

  open(name: string, attributes: Attributes): void {
    this.depth += 1;
    if (this.depth === 1) {
      // Playwright's reporter always writes an `id` on <testsuites> (empty by default) and puts
      // the project name in each suite's `hostname`. Other reporters (Ant, Gradle, pytest,
      // Vitest) put the machine name in `hostname` and write no `id` on the root: for them the
      // hostname must not split one test into several identities.
      this.hostnameIsVariant = name === "testsuites" && attributes.id !== undefined;
      // jest-junit's default root name: jest allows two tests with one title, and they are two tests.
      this.builder.repeatsAreDistinct = name === "testsuites" && attributes.name === "jest tests";
      this.rootName = name;
      if (attributes.xmlns?.includes("check.sourceforge.net")) throw notJunit("Check's native XML");
      this.builder.headerSays(attributes.tests);
      if (name === "testsuite") this.openSuite(attributes);
      return;
    }
    if (name === "testsuite" || name === "testcase") this.sawJunit = true;
    else if (this.depth === 2 && !JUNIT_CHILDREN.has(name)) this.foreign.add(name);
    const testCase = this.testCase;
    if (testCase === undefined) {
      const suite = this.suites.at(-1);
      if (name === "testsuite") this.openSuite(attributes);
      else if (name === "testcase") this.openCase(attributes);
      else if ((name === "error" || name === "failure") && suite !== undefined && this.depth === suite.depth + 1) {
        this.suiteFailed(suite, name === "error" ? "error" : "failed", attributes);
      }
      return;
    }
    if (this.depth !== testCase.depth + 1) return;
    const attempt = ATTEMPT_ELEMENTS.get(name);
    if (attempt !== undefined) {
      const time = attributes.time;
      const durationMs = time === undefined ? testCase.durationMs : this.duration(time);
      testCase[attempt.list].push({ status: attempt.status, durationMs });
    } else if (name === "failure" || name === "error") {
      // A failure or error outranks a skip (and status="disabled"); between the two, the first
      // one written wins.
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
    if (this.depth === 1 && !this.sawJunit && this.foreign.size > 0) {
      throw notJunit(`<${this.rootName}> holds <${[...this.foreign].slice(0, 3).join(">, <")}> but no <testsuite> or <testcase>`);
    }
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
    this.builder.headerSays(attributes.tests);
    this.suites.push({
      depth: this.depth,
      name: name !== "" ? detach(name) : (parent?.name ?? ""),
      hostname: hostname !== undefined ? detach(normalizeText(hostname)) : (parent?.hostname ?? ""),
      unnamed: 0,
      failed: false,
    });
  }

  private openCase(attributes: Attributes): void {
    let name = normalizeName(attributes.name ?? "");
    if (name === "") {
      const suite = this.suites.at(-1);
      const n = suite === undefined ? ++this.unnamedOutsideSuites : ++suite.unnamed;
      name = `(unnamed ${n})`;
    }
    const status = attributes.status?.trim().toLowerCase();
    this.testCase = {
      depth: this.depth,
      // Codeception writes the class in `class`, not `classname`.
      classname: normalizeSuite(attributes.classname ?? attributes.class ?? ""),
      name: detach(name),
      durationMs: this.duration(attributes.time),
      outcome: status !== undefined && NOT_RUN.has(status) ? "skipped" : undefined,
      before: [],
      after: [],
    };
  }

  /** An <error> or <failure> directly in a suite: the suite failed before (or instead of) its cases. */
  private suiteFailed(suite: OpenSuite, status: "failed" | "error", attributes: Attributes): void {
    if (suite.failed) return;
    suite.failed = true;
    const variant = this.hostnameIsVariant ? suite.hostname : "";
    this.builder.add(suite.name, SUITE_FAILURE_NAME, variant, status, this.duration(attributes.time));
  }

  private duration(raw: string | undefined): number {
    const ms = readDurationMs(raw);
    if (ms !== undefined) return ms;
    this.builder.badDuration(raw ?? "");
    return 0;
  }

  private sharedClassname(classname: string): string {
    if (classname !== this.lastClassname) this.lastClassname = detach(classname);
    return this.lastClassname;
  }

  private emit(testCase: OpenCase): void {
    const suite = this.suites.at(-1);
    const suiteName = testCase.classname !== "" ? this.sharedClassname(testCase.classname) : (suite?.name ?? "");
    const variant = this.hostnameIsVariant ? (suite?.hostname ?? "") : "";
    const { durationMs } = testCase;
    const name = this.builder.nameOfCase(suiteName, testCase.name, variant);
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

function notJunit(what: string): JunitParseError {
  return new JunitParseError(`Not a JUnit report: ${what}. Convert it to JUnit XML first`);
}
