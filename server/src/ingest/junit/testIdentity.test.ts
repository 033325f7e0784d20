import { describe, expect, test } from "vitest";
import { normalizeSuite, testIdentityKey } from "./testIdentity.ts";

/** scope, suite, name, variant: the arguments of testIdentityKey. */
type Parts = [scope: string, suite: string, name: string, variant: string];

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

  test.each<[string, Parts, Parts]>([
    ["path and dots", ["svc", "tests/test_x.py::TestA", "test_one", ""], ["svc", "tests.test_x.TestA", "test_one", ""]],
    ["whitespace around parts", [" svc ", "pkg.C", " adds two numbers\n", " chromium"], ["svc", "pkg.C", "adds two numbers", "chromium"]],
  ])("same test: %s", (_label, a, b) => {
    expect(testIdentityKey(...a)).toBe(testIdentityKey(...b));
  });

  test.each<[string, Parts, Parts]>([
    ["variant", ["svc", "pkg.C", "t", "chromium"], ["svc", "pkg.C", "t", "firefox"]],
    ["scope", ["svc-a", "pkg.C", "t", ""], ["svc-b", "pkg.C", "t", ""]],
    ["suite", ["svc", "pkg.C", "t", ""], ["svc", "pkg.D", "t", ""]],
    ["parts do not run into each other", ["svc", "a", "b c", ""], ["svc", "a b", "c", ""]],
    ["whitespace inside a name", ["svc", "pkg.C", "stringify a  b", ""], ["svc", "pkg.C", "stringify a b", ""]],
    ["a newline inside a name", ["svc", "pkg.C", "adds two\nnumbers", ""], ["svc", "pkg.C", "adds two numbers", ""]],
  ])("different tests: %s", (_label, a, b) => {
    expect(testIdentityKey(...a)).not.toBe(testIdentityKey(...b));
  });

  test("the key joins the normalised parts with U+001F", () => {
    expect(testIdentityKey("svc", "tests/a.py::B", " t ", "")).toBe("svc\u001ftests.a.B\u001ft\u001f");
  });
});
