import { createReadStream, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { parseDurationMs } from "./duration.ts";
import { JunitParseError, parseJunit } from "./parseJunit.ts";
import { normalizeSuite, testIdentityKey } from "./testIdentity.ts";
import type { ParsedReport, TestExecution } from "./types.ts";

const FIXTURES = fileURLToPath(new URL("../../../../test/fixtures/junit/", import.meta.url));

function parseFixture(file: string): Promise<ParsedReport> {
  return parseJunit(createReadStream(FIXTURES + file, { highWaterMark: 1024 }));
}

/** One line per execution, easy to read in a failing diff. */
function line(e: TestExecution): string {
  const variant = e.variant === "" ? "" : ` [${e.variant}]`;
  return `${e.suite} | ${e.name}${variant} | ${e.status} ${e.durationMs}ms retry ${e.retry}`;
}

const summary = (s: Partial<ParsedReport["summary"]>): ParsedReport["summary"] => ({
  tests: 0,
  passed: 0,
  failed: 0,
  errors: 0,
  skipped: 0,
  flakyRetries: 0,
  ...s,
});

async function* byteChunks(bytes: Uint8Array, cuts: number[]): AsyncGenerator<Uint8Array> {
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(start, cut);
    start = cut;
  }
}

async function* stringChunks(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

function everyByte(bytes: Uint8Array): number[] {
  return Array.from({ length: bytes.length - 1 }, (_, i) => i + 1);
}

describe("parseJunit on real reports", () => {
  test("surefire-flakyFailure.xml", async () => {
    // testFlaky has 3 <flakyFailure> and 1 <flakyError> (SOURCES.md says two; the file has four
    // flaky children) and no <failure>: 4 failed runs, then the final pass. No child has its
    // own time, so all use the testcase's 0.034 s. testStable has no child: passed.
    // Header says tests="1" failures="0"; body has 2 tests, both finally passed, 4 flaky runs.
    const report = await parseFixture("surefire-flakyFailure.xml");
    expect(report.summary).toEqual(summary({ tests: 2, passed: 2, flakyRetries: 4 }));
    expect(report.executions.map(line)).toEqual([
      "org.acme.FlakyTest | testFlaky | failed 34ms retry 0",
      "org.acme.FlakyTest | testFlaky | failed 34ms retry 1",
      "org.acme.FlakyTest | testFlaky | failed 34ms retry 2",
      "org.acme.FlakyTest | testFlaky | error 34ms retry 3",
      "org.acme.FlakyTest | testFlaky | passed 34ms retry 4",
      "org.acme.FlakyTest | testStable | passed 1ms retry 0",
    ]);
  });

  test("surefire-rerunFailure-always-fails.xml", async () => {
    // One testcase: <failure> then 3 <rerunFailure>, time 0.001 s: 4 failed runs. Final outcome
    // failed, so broken, not flaky: flakyRetries 0. Header says tests="4" failures="4".
    const report = await parseFixture("surefire-rerunFailure-always-fails.xml");
    expect(report.summary).toEqual(summary({ tests: 1, failed: 1 }));
    expect(report.executions.map(line)).toEqual([
      "io.olamy.AlwaysFailTest | testApp | failed 1ms retry 0",
      "io.olamy.AlwaysFailTest | testApp | failed 1ms retry 1",
      "io.olamy.AlwaysFailTest | testApp | failed 1ms retry 2",
      "io.olamy.AlwaysFailTest | testApp | failed 1ms retry 3",
    ]);
  });

  test("surefire-flaky-header-mismatch.xml", async () => {
    // Header says tests="3" failures="2". Body: one testcase (testApp, 0.001 s) with two
    // <flakyFailure> children and no <failure>: failed, failed, then passed. 1 test, passed,
    // 2 flaky runs.
    const report = await parseFixture("surefire-flaky-header-mismatch.xml");
    expect(report.summary).toEqual(summary({ tests: 1, passed: 1, flakyRetries: 2 }));
    expect(report.executions.map(line)).toEqual([
      "io.olamy.FlakyTest | testApp | failed 1ms retry 0",
      "io.olamy.FlakyTest | testApp | failed 1ms retry 1",
      "io.olamy.FlakyTest | testApp | passed 1ms retry 2",
    ]);
  });

  test("nested-suites-various-timestamps.xml", async () => {
    // 12 self-closing testcases (header says tests="8"), all passed, every one with a
    // classname, so the classname is the suite even inside the nested "test.RestMethods".
    // Times: 10.45 s, 11, 1, 0.32, 4, 11, 13, 11, 133.01, 23, 41, 29.
    const report = await parseFixture("nested-suites-various-timestamps.xml");
    expect(report.summary).toEqual(summary({ tests: 12, passed: 12 }));
    expect(report.executions.map(line)).toEqual([
      "time offset is correct test | testOffset | passed 10450ms retry 0",
      "date reflects offset test | testDate | passed 11000ms retry 0",
      "testPassword | invalid if password does not match test | passed 1000ms retry 0",
      "testPassword | invalid if password is weak test | passed 320ms retry 0",
      "testButtons | home button redirects to home test | passed 4000ms retry 0",
      "testButtons | sign out button ends session test | passed 11000ms retry 0",
      "testButtons | sign out button redirects to sign in test | passed 13000ms retry 0",
      "pages load in under ten seconds under ideal conditions test | testExperience | passed 11000ms retry 0",
      "get test | testGet | passed 133010ms retry 0",
      "popups triggered when hovering test | testPopup | passed 23000ms retry 0",
      "contents adjust properly when resizing test | testResize | passed 41000ms retry 0",
      "proper images displayed when items added | testShop | passed 29000ms retry 0",
    ]);
  });

  test("bad-duration.xml", async () => {
    // DummyTest.testDummyMethod twice: same identity, so retry 0 then 1. time="-345345" gives
    // 0 ms, time="100" gives 100 000 ms. 1 test, passed (its last run passed).
    const report = await parseFixture("bad-duration.xml");
    expect(report.summary).toEqual(summary({ tests: 1, passed: 1 }));
    expect(report.executions.map(line)).toEqual(["DummyTest | testDummyMethod | passed 0ms retry 0", "DummyTest | testDummyMethod | passed 100000ms retry 1"]);
  });

  test("pytest.xml", async () => {
    // 10 testcases (header says tests="15"): skipped = test_always_skip (pytest.skip) and
    // test_expected_failure (pytest.xfail); failed = test_always_fail and test_error (both
    // written as <failure>); the other 6 passed. <properties> children are ignored.
    const report = await parseFixture("pytest.xml");
    expect(report.summary).toEqual(summary({ tests: 10, passed: 6, failed: 2, skipped: 2 }));
    expect(report.executions.map(line)).toEqual([
      "tests.test_lib | test_always_pass | passed 2ms retry 0",
      "tests.test_lib | test_with_subtests | passed 5ms retry 0",
      "tests.test_lib | test_parameterized[param1] | passed 0ms retry 0",
      "tests.test_lib | test_parameterized[param2] | passed 0ms retry 0",
      "tests.test_lib | test_always_skip | skipped 0ms retry 0",
      "tests.test_lib | test_always_fail | failed 0ms retry 0",
      "tests.test_lib | test_expected_failure | skipped 0ms retry 0",
      "tests.test_lib | test_error | failed 0ms retry 0",
      "tests.test_lib | test_with_record_property | passed 0ms retry 0",
      "custom_classname | test_with_record_xml_attribute | passed 0ms retry 0",
    ]);
  });

  test("pytest-rerun-flaky.xml", async () => {
    // One line, 4 testcases (header says tests="3"): two with <failure> (test_which_fails,
    // test_with_error), two with no child. pytest-rerunfailures left no trace of reruns in
    // the XML, so nothing is flaky here.
    const report = await parseFixture("pytest-rerun-flaky.xml");
    expect(report.summary).toEqual(summary({ tests: 4, passed: 2, failed: 2 }));
    expect(report.executions.map(line)).toEqual([
      "python.test_sample | test_which_succeeds | passed 1ms retry 0",
      "python.test_sample | test_which_fails | failed 1ms retry 0",
      "python.test_sample | test_with_error | failed 0ms retry 0",
      "python.test_sample | test_with_flaky_success | passed 0ms retry 0",
    ]);
  });

  test("repeated-testcase-retries.xml", async () => {
    // Root is <testsuite>. Three <testcase> with the same classname and name, 1.0 s each:
    // passed, then <failure>, then <error>. One test; its last run is an error, so it counts
    // as an error and, its final outcome not being passed, adds no flaky retries.
    const report = await parseFixture("repeated-testcase-retries.xml");
    expect(report.summary).toEqual(summary({ tests: 1, errors: 1 }));
    expect(report.executions.map(line)).toEqual([
      "test_order.TestOrder | test_success_first | passed 1000ms retry 0",
      "test_order.TestOrder | test_success_first | failed 1000ms retry 1",
      "test_order.TestOrder | test_success_first | error 1000ms retry 2",
    ]);
  });

  test("jest-junit.xml", async () => {
    // 6 testcases (header agrees: 6 tests, 4 failures). Classnames use jest's " › " nesting,
    // normalised to dots. The second suite's testcases have classname="", so they take the
    // suite name, a Windows path: "__tests__\second.test.js".
    const report = await parseFixture("jest-junit.xml");
    expect(report.summary).toEqual(summary({ tests: 6, passed: 1, failed: 4, skipped: 1 }));
    expect(report.executions.map(line)).toEqual([
      "Test 1 | Passing test | passed 1ms retry 0",
      "Test 1.Test 1.1 | Failing test | failed 2ms retry 0",
      "Test 1.Test 1.1 | Exception in target unit | failed 0ms retry 0",
      "Test 2 | Exception in test | failed 0ms retry 0",
      "__tests__.second.test.js | Timeout test | failed 4ms retry 0",
      "__tests__.second.test.js | Skipped test | skipped 0ms retry 0",
    ]);
  });
});

describe("parseJunit semantics", () => {
  test("a testcase without classname takes the innermost named testsuite", async () => {
    const xml = `<testsuites>
      <testsuite name="outer">
        <testcase name="a"/>
        <testsuite name="inner"><testcase name="b" classname=" "/></testsuite>
        <testsuite><testcase name="c"/></testsuite>
        <testcase name="d" classname="pkg.Class"/>
      </testsuite>
    </testsuites>`;
    const report = await parseJunit(xml);
    expect(report.executions.map(line)).toEqual([
      "outer | a | passed 0ms retry 0",
      "inner | b | passed 0ms retry 0",
      "outer | c | passed 0ms retry 0",
      "pkg.Class | d | passed 0ms retry 0",
    ]);
  });

  test("Playwright: hostname is the project, each project its own test", async () => {
    // Playwright writes id="" on <testsuites>, the project in hostname, and <flakyFailure>
    // with its own time when retries are included.
    const xml = `<testsuites id="" name="" tests="3" failures="0" skipped="0" errors="0" time="3">
      <testsuite name="login.spec.ts" hostname="chromium">
        <testcase name="login › shows the form" classname="login.spec.ts" time="1.2">
          <flakyFailure message="timeout" type="FAILURE" time="5"><stackTrace>boom</stackTrace></flakyFailure>
        </testcase>
      </testsuite>
      <testsuite name="login.spec.ts" hostname="firefox">
        <testcase name="login › shows the form" classname="login.spec.ts" time="0.9"/>
      </testsuite>
    </testsuites>`;
    const report = await parseJunit(xml);
    expect(report.executions.map(line)).toEqual([
      "login.spec.ts | login › shows the form [chromium] | failed 5000ms retry 0",
      "login.spec.ts | login › shows the form [chromium] | passed 1200ms retry 1",
      "login.spec.ts | login › shows the form [firefox] | passed 900ms retry 0",
    ]);
    expect(report.summary).toEqual(summary({ tests: 2, passed: 2, flakyRetries: 1 }));
  });

  test("a machine hostname (no id on the root) is not a variant", async () => {
    const xml = `<testsuites><testsuite name="s" hostname="ci-runner-7"><testcase name="t"/></testsuite></testsuites>`;
    const report = await parseJunit(xml);
    expect(report.executions[0]?.variant).toBe("");
  });

  test("rerun and flaky children use their own time when present", async () => {
    const xml = `<testsuite name="s">
      <testcase classname="C" name="broken" time="1">
        <error message="x"/>
        <rerunError time="2"/>
        <rerunFailure/>
      </testcase>
      <testcase classname="C" name="flaky" time="3"><flakyError time="0,5"/></testcase>
      <testcase classname="C" name="skipped-then-failed" time="1"><skipped/><failure/></testcase>
    </testsuite>`;
    const report = await parseJunit(xml);
    expect(report.executions.map(line)).toEqual([
      "C | broken | error 1000ms retry 0",
      "C | broken | error 2000ms retry 1",
      "C | broken | failed 1000ms retry 2",
      "C | flaky | error 500ms retry 0",
      "C | flaky | passed 3000ms retry 1",
      "C | skipped-then-failed | failed 1000ms retry 0",
    ]);
    expect(report.summary).toEqual(summary({ tests: 3, passed: 1, failed: 2, flakyRetries: 1 }));
  });

  test("the same test written as a path and as dots is one test, its runs numbered in order", async () => {
    const xml = `<testsuites><testsuite name="pytest">
      <testcase classname="tests/test_x.py::TestA" name="test_one"><failure/></testcase>
      <testcase classname="tests.test_x.TestA" name="  test_one "/>
    </testsuite></testsuites>`;
    const report = await parseJunit(xml);
    expect(report.executions.map(line)).toEqual(["tests.test_x.TestA | test_one | failed 0ms retry 0", "tests.test_x.TestA | test_one | passed 0ms retry 1"]);
    expect(report.summary).toEqual(summary({ tests: 1, passed: 1, flakyRetries: 1 }));
  });

  test("unknown elements are ignored, even ones named like Object.prototype members", async () => {
    const xml = `<testsuite name="s"><constructor/><testcase name="t"><__proto__/><toString/><properties/></testcase></testsuite>`;
    const report = await parseJunit(xml);
    expect(report.executions.map(line)).toEqual(["s | t | passed 0ms retry 0"]);
  });

  test("an empty <testsuites/> gives an empty report", async () => {
    expect(await parseJunit("<testsuites/>")).toEqual({ executions: [], summary: summary({}), warnings: [], repairs: 0 });
    expect(await parseJunit(byteChunks(new TextEncoder().encode('<?xml version="1.0"?>\n<testsuites/>\n'), []))).toEqual({
      executions: [],
      summary: summary({}),
      warnings: [],
      repairs: 0,
    });
  });
});

describe("parseJunit refuses bad input", () => {
  test("DOCTYPE is refused", async () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE testsuites SYSTEM "http://example.com/junit.dtd">\n<testsuites/>`;
    const error = await parseJunit(xml).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JunitParseError);
    expect((error as JunitParseError).message).toMatch(/DOCTYPE .*not allowed.*\(line 2, column \d+\)/);
    expect((error as JunitParseError).line).toBe(2);
  });

  test("entity expansion (billion laughs) is refused at the DOCTYPE", async () => {
    const lines = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) {
      const previous = i === 1 ? "&lol;" : `&lol${i - 1};`;
      lines.push(`<!ENTITY lol${i} "${previous.repeat(10)}">`);
    }
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${lines.join("\n")}\n]>\n<testsuites><testsuite name="&lol9;"/></testsuites>`;
    await expect(parseJunit(xml)).rejects.toThrow(/DOCTYPE/);
  });

  test("external entities (XXE) are refused", async () => {
    const xml = `<!DOCTYPE t [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><testsuite name="&xxe;"/>`;
    await expect(parseJunit(xml)).rejects.toBeInstanceOf(JunitParseError);
  });

  test("an undeclared entity is an error", async () => {
    const error = await parseJunit(`<testsuites>\n<testsuite name="&lol9;"/></testsuites>`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JunitParseError);
    expect((error as JunitParseError).message).toMatch(/^Malformed XML: undefined entity \(line 2, column \d+\)$/);
  });

  test.each([
    ["unclosed root", "<testsuites><testsuite name='a'>", /unclosed tag/],
    ["mismatched close", "<testsuites><testcase></testsuite></testsuites>", /unexpected close tag/],
    ["text after the root", "<testsuites/>oops", /text data outside of root/],
    ["two roots", "<testsuite/><testsuite/>", /only one root/],
    ["attribute without quotes", "<testsuite name=a/>", /unquoted attribute/],
    ["no root at all", "", /root element/],
  ])("malformed XML: %s", async (_label, xml, reason) => {
    const error = await parseJunit(xml).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JunitParseError);
    expect((error as JunitParseError).message).toMatch(/^Malformed XML: /);
    expect((error as JunitParseError).message).toMatch(reason);
    expect((error as JunitParseError).line).toBeGreaterThanOrEqual(1);
  });

  test("a root other than <testsuites> or <testsuite> is refused", async () => {
    await expect(parseJunit("<html><body/></html>")).rejects.toThrow(
      /^The root element is <html>; a JUnit report has <testsuites> or <testsuite> \(line 1, column 6\)$/,
    );
  });

  test("bytes that are not UTF-8, with no declaration saying otherwise, are refused", async () => {
    const body = new Uint8Array([...new TextEncoder().encode('<testsuite name="caf'), 0xe9, ...new TextEncoder().encode('"/>')]);
    await expect(parseJunit(byteChunks(body, []))).rejects.toThrow(/^The report is not valid UTF-8; declare its encoding/);
    const declaration = new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?>\n');
    const bytes = new Uint8Array([...declaration, ...body]);
    await expect(parseJunit(byteChunks(bytes, [declaration.length]))).rejects.toThrow(/^The report is not valid UTF-8/);
  });

  test("a prolog that never reaches a root is cut off instead of buffered", async () => {
    async function* endlessComment(): AsyncGenerator<string> {
      yield "<!--";
      for (let i = 0; i < 20; i++) yield "x".repeat(100_000);
    }
    await expect(parseJunit(endlessComment())).rejects.toThrow(/No root element in the first/);
  });
});

describe("parseJunit reads chunks split anywhere", () => {
  const files = ["jest-junit.xml", "surefire-flakyFailure.xml", "pytest.xml", "pytest-rerun-flaky.xml"];

  test.each(files)("%s one byte at a time equals the whole string", async (file) => {
    const bytes = readFileSync(FIXTURES + file);
    const whole = await parseJunit(bytes.toString("utf8"));
    expect(await parseJunit(byteChunks(bytes, everyByte(bytes)))).toEqual(whole);
  });

  test("cuts inside a multibyte character and inside a tag", async () => {
    const xml = `<testsuites id=""><testsuite name="ünïcode" hostname="🦊 firefox"><testcase classname="Suite › Ünit" name="says 👋 › café"><failure message="✗"/></testcase></testsuite></testsuites>`;
    const bytes = Buffer.from(xml, "utf8");
    const whole = await parseJunit(xml);
    expect(whole.executions.map(line)).toEqual(["Suite.Ünit | says 👋 › café [🦊 firefox] | failed 0ms retry 0"]);
    const fox = bytes.indexOf("🦊");
    const tag = bytes.indexOf("<testcase");
    for (const cut of [fox + 1, fox + 2, fox + 3, tag + 4]) {
      expect(await parseJunit(byteChunks(bytes, [cut]))).toEqual(whole);
    }
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await parseJunit(byteChunks(bytes, [cut]))).toEqual(whole);
    }
  });

  test("string chunks that split a surrogate pair", async () => {
    const xml = `<testsuite name="s"><testcase name="emoji 😀😀😀 name"/></testsuite>`;
    const whole = await parseJunit(xml);
    for (const size of [1, 2, 3, 7]) expect(await parseJunit(stringChunks(xml, size))).toEqual(whole);
  });
});

describe("parseDurationMs", () => {
  test.each<[string | undefined, number]>([
    ["1.5", 1500],
    ["0.001", 1],
    ["0.0004", 0],
    ["0", 0],
    [" 3 ", 3000],
    ["2,120.532", 2_120_532],
    ["1,234,567", 1_234_567_000],
    ["0,03", 30],
    ["1,234", 1234],
    ["1.234,5", 1_234_500],
    ["80.803us", 0],
    ["1500us", 2],
    ["1500µs", 2],
    ["12ms", 12],
    ["12 ms", 12],
    ["1.5s", 1500],
    ["2m", 120_000],
    ["1h", 3_600_000],
    ["1e-3", 1],
    ["-345345", 0],
    ["-0", 0],
    ["", 0],
    [undefined, 0],
    ["abc", 0],
    ["1.2.3", 0],
    ["1,2,3", 0],
    ["5 parsecs", 0],
    ["5constructor", 0],
    ["NaN", 0],
    ["Infinity", 0],
    ["1e12", 0],
  ])("%j -> %d ms", (raw, ms) => {
    expect(parseDurationMs(raw)).toBe(ms);
  });
});

describe("test identity", () => {
  test.each([
    ["tests/test_x.py::TestA", "tests.test_x.TestA"],
    ["tests\\test_x.py::TestA", "tests.test_x.TestA"],
    ["./tests/test_x.py::TestA", "tests.test_x.TestA"],
    ["tests.test_x.TestA", "tests.test_x.TestA"],
    ["tests/test_x.py", "tests.test_x"],
    ["  org.acme.FlakyTest\n", "org.acme.FlakyTest"],
    ["Test 1 › Test 1.1", "Test 1.Test 1.1"],
    ["__tests__\\main.test.js", "__tests__.main.test.js"],
    ["src//app / login.spec.ts", "src.app.login.spec.ts"],
    ["crate::module::tests", "crate.module.tests"],
    ["Outer   Suite\tname", "Outer Suite name"],
    ["", ""],
  ])("normalizeSuite(%j) = %j", (raw, expected) => {
    expect(normalizeSuite(raw)).toBe(expected);
    expect(normalizeSuite(expected)).toBe(expected);
  });

  test.each([
    ["path and dots", ["svc", "tests/test_x.py::TestA", "test_one", ""], ["svc", "tests.test_x.TestA", "test_one", ""]],
    ["whitespace around parts", [" svc ", "pkg.C", " adds two numbers\n", " chromium"], ["svc", "pkg.C", "adds two numbers", "chromium"]],
  ])("same test: %s", (_label, a, b) => {
    const [s1, c1, n1, v1] = a as [string, string, string, string];
    const [s2, c2, n2, v2] = b as [string, string, string, string];
    expect(testIdentityKey(s1, c1, n1, v1)).toBe(testIdentityKey(s2, c2, n2, v2));
  });

  test.each([
    ["variant", ["svc", "pkg.C", "t", "chromium"], ["svc", "pkg.C", "t", "firefox"]],
    ["scope", ["svc-a", "pkg.C", "t", ""], ["svc-b", "pkg.C", "t", ""]],
    ["suite", ["svc", "pkg.C", "t", ""], ["svc", "pkg.D", "t", ""]],
    ["parts do not run into each other", ["svc", "a", "b c", ""], ["svc", "a b", "c", ""]],
    ["whitespace inside a name", ["svc", "pkg.C", "stringify a  b", ""], ["svc", "pkg.C", "stringify a b", ""]],
    ["a newline inside a name", ["svc", "pkg.C", "adds two\nnumbers", ""], ["svc", "pkg.C", "adds two numbers", ""]],
  ])("different tests: %s", (_label, a, b) => {
    const [s1, c1, n1, v1] = a as [string, string, string, string];
    const [s2, c2, n2, v2] = b as [string, string, string, string];
    expect(testIdentityKey(s1, c1, n1, v1)).not.toBe(testIdentityKey(s2, c2, n2, v2));
  });

  test("the key joins the normalised parts with U+001F", () => {
    expect(testIdentityKey("svc", "tests/a.py::B", " t ", "")).toBe("svc\u001ftests.a.B\u001ft\u001f");
  });
});
