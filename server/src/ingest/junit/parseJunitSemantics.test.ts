import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parseJunit } from "./parseJunit.ts";
import { FIXTURES, line, summary, byteChunks, stringChunks, everyByte } from "./testSupport/reports.ts";

// Each case: a small report written for one rule, the line per execution it must give (see line())
// and its summary.
const cases = [
  {
    name: "a testcase without classname takes the innermost named testsuite",
    xml: `<testsuites>
      <testsuite name="outer">
        <testcase name="a"/>
        <testsuite name="inner"><testcase name="b" classname=" "/></testsuite>
        <testsuite><testcase name="c"/></testsuite>
        <testcase name="d" classname="pkg.Class"/>
      </testsuite>
    </testsuites>`,
    executions: ["outer | a | passed 0ms retry 0", "inner | b | passed 0ms retry 0", "outer | c | passed 0ms retry 0", "pkg.Class | d | passed 0ms retry 0"],
    summary: summary({ tests: 4, passed: 4 }),
  },
  {
    // Playwright writes id="" on <testsuites>, the project in hostname, and <flakyFailure>
    // with its own time when retries are included.
    name: "Playwright: hostname is the project, each project its own test",
    xml: `<testsuites id="" name="" tests="3" failures="0" skipped="0" errors="0" time="3">
      <testsuite name="login.spec.ts" hostname="chromium">
        <testcase name="login › shows the form" classname="login.spec.ts" time="1.2">
          <flakyFailure message="timeout" type="FAILURE" time="5"><stackTrace>boom</stackTrace></flakyFailure>
        </testcase>
      </testsuite>
      <testsuite name="login.spec.ts" hostname="firefox">
        <testcase name="login › shows the form" classname="login.spec.ts" time="0.9"/>
      </testsuite>
    </testsuites>`,
    executions: [
      "login.spec.ts | login › shows the form [chromium] | failed 5000ms retry 0",
      "login.spec.ts | login › shows the form [chromium] | passed 1200ms retry 1",
      "login.spec.ts | login › shows the form [firefox] | passed 900ms retry 0",
    ],
    summary: summary({ tests: 2, passed: 2, flakyRetries: 1 }),
  },
  {
    name: "rerun and flaky children use their own time when present",
    xml: `<testsuite name="s">
      <testcase classname="C" name="broken" time="1">
        <error message="x"/>
        <rerunError time="2"/>
        <rerunFailure/>
      </testcase>
      <testcase classname="C" name="flaky" time="3"><flakyError time="0,5"/></testcase>
      <testcase classname="C" name="skipped-then-failed" time="1"><skipped/><failure/></testcase>
    </testsuite>`,
    executions: [
      "C | broken | error 1000ms retry 0",
      "C | broken | error 2000ms retry 1",
      "C | broken | failed 1000ms retry 2",
      "C | flaky | error 500ms retry 0",
      "C | flaky | passed 3000ms retry 1",
      "C | skipped-then-failed | failed 1000ms retry 0",
    ],
    summary: summary({ tests: 3, passed: 1, failed: 2, flakyRetries: 1 }),
  },
  {
    name: "the same test written as a path and as dots is one test, its runs numbered in order",
    xml: `<testsuites><testsuite name="pytest">
      <testcase classname="tests/test_x.py::TestA" name="test_one"><failure/></testcase>
      <testcase classname="tests.test_x.TestA" name="  test_one "/>
    </testsuite></testsuites>`,
    executions: ["tests.test_x.TestA | test_one | failed 0ms retry 0", "tests.test_x.TestA | test_one | passed 0ms retry 1"],
    summary: summary({ tests: 1, passed: 1, flakyRetries: 1 }),
  },
  {
    name: "unknown elements are ignored, even ones named like Object.prototype members",
    xml: `<testsuite name="s"><constructor/><testcase name="t"><__proto__/><toString/><properties/></testcase></testsuite>`,
    executions: ["s | t | passed 0ms retry 0"],
    summary: summary({ tests: 1, passed: 1 }),
  },
];

describe("parseJunit semantics", () => {
  for (const { name, xml, executions, summary: counts } of cases)
    test(name, async () => {
      const report = await parseJunit(xml);
      expect(report.executions.map(line)).toEqual(executions);
      expect(report.summary).toEqual(counts);
    });

  test("a machine hostname (no id on the root) is not a variant", async () => {
    const xml = `<testsuites><testsuite name="s" hostname="ci-runner-7"><testcase name="t"/></testsuite></testsuites>`;
    const report = await parseJunit(xml);
    expect(report.executions[0]?.variant).toBe("");
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
