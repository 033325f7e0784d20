import { describe, expect, test } from "vitest";
import { parseFixture, line, summary } from "./testSupport/reports.ts";

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
