// A generated JUnit report of `tests` test cases over many suites, about one in fifty failing, for
// load tests and benchmarks (test/integration/load, bench/junitStore.ts, bench/uploadResponsiveness.ts).
export function junitXml(tests: number, suites = Math.max(1, Math.ceil(tests / 200))): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n'];
  let n = 0;
  for (let s = 0; s < suites && n < tests; s++) {
    const inSuite = Math.min(Math.ceil(tests / suites), tests - n);
    parts.push(`  <testsuite name="com.example.suite${s}.ServiceTest" tests="${inSuite}">\n`);
    for (let i = 0; i < inSuite; i++, n++) {
      const open = `    <testcase classname="com.example.suite${s}.ServiceTest" name="test${n}_returns_expected_value" time="0.0${n % 10}"`;
      parts.push(n % 50 === 7 ? `${open}><failure message="expected 1 but was 2" type="AssertionError">at line ${n}</failure></testcase>\n` : `${open}/>\n`);
    }
    parts.push("  </testsuite>\n");
  }
  parts.push("</testsuites>\n");
  return parts.join("");
}
