// Shapes real runners write that the corpus (test/fixtures/junit-corpus) holds few or none of:
// other encodings, control characters, skipped and repeated cases, odd durations, limits.
import { describe, expect, test } from "vitest";
import { readDurationMs } from "./duration.ts";
import { MAX_ATTRIBUTE_CHARS, MAX_ELEMENT_DEPTH, parseJunit } from "./parseJunit.ts";
import { sniffEncoding } from "./reportText.ts";

async function* chunks(bytes: Uint8Array, size = 7): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}
const parseBytes = (bytes: Uint8Array, size?: number) => parseJunit(chunks(bytes, size));
const names = async (xml: string) => (await parseJunit(xml)).executions.map((e) => `${e.suite}|${e.name}|${e.status}|${e.retry}`);

describe("encodings", () => {
  const xml = (encoding: string) => `<?xml version="1.0" encoding="${encoding}"?>\n<testsuite name="s"><testcase name="café ünïcode"/></testsuite>`;

  test.each([
    ["ISO-8859-1", Buffer.from(xml("ISO-8859-1"), "latin1")],
    ["windows-1252", Buffer.from(xml("windows-1252"), "latin1")],
    ["UTF-16LE with a BOM (PowerShell)", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml("utf-16"), "utf16le")])],
    ["UTF-16BE with a BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(xml("utf-16"), "utf16le").swap16()])],
    ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xml("UTF-8"))])],
  ])("%s is decoded as declared", async (_label, bytes) => {
    for (const size of [1, 5, 4096]) {
      const report = await parseBytes(bytes, size);
      expect(report.executions.map((e) => e.name)).toEqual(["café ünïcode"]);
    }
  });

  test("an encoding Keel cannot read is refused naming it", async () => {
    await expect(parseBytes(Buffer.from(xml("x-klingon")))).rejects.toThrow(/declares encoding "x-klingon"/);
  });

  test("sniffing: BOMs first, then the declaration, else UTF-8", () => {
    expect(sniffEncoding(Buffer.from("<testsuite/>"))).toBe("utf-8");
    expect(sniffEncoding(Buffer.from('<?xml version="1.0" encoding="UTF-16"?>'))).toBe("utf-8");
    expect(sniffEncoding(Buffer.from("<t", "utf16le"))).toBe("utf-16le");
  });
});

describe("what real files put before or inside the document", () => {
  test("blank lines before <?xml ...?> are dropped", async () => {
    const report = await parseJunit('\n\n  <?xml version="1.0"?>\n<testsuite name="s"><testcase name="t"/></testsuite>');
    expect(report.summary.tests).toBe(1);
  });

  test("control characters in attributes and CDATA are replaced and counted", async () => {
    const xml = '<testsuite name="s"><testcase name="\u001b[31mred\u001b[0m"><failure><![CDATA[nul \u0000 here]]></failure></testcase></testsuite>';
    const report = await parseBytes(Buffer.from(xml));
    expect(report.executions[0]!.name).toBe("\uFFFD[31mred\uFFFD[0m");
    expect(report.repairs).toBe(3);
    expect(report.warnings).toEqual([expect.stringMatching(/^3 character\(s\) that XML does not allow/)]);
  });
});

describe("test cases", () => {
  test("status disabled/notrun with no child is skipped; a failure child still fails", async () => {
    expect(
      await names(`<testsuite name="s"><testcase name="a" status="disabled"/><testcase name="b" status="notrun"/>
      <testcase name="c" status="run"/><testcase name="d" status="disabled"><failure/></testcase></testsuite>`),
    ).toEqual(["s|a|skipped|0", "s|b|skipped|0", "s|c|passed|0", "s|d|failed|0"]);
  });

  test("an <error> directly in a suite is one failed entry for the suite; nested suites keep their own", async () => {
    expect(
      await names(`<testsuite name="outer"><testsuite name="inner"><error message="init"/><error/></testsuite>
      <testcase name="t"/><failure/></testsuite>`),
    ).toEqual(["inner|(suite)|error|0", "outer|t|passed|0", "outer|(suite)|failed|0"]);
  });

  test("Codeception's class= separates same-named methods", async () => {
    expect(await names(`<testsuite name="acc"><testcase class="ACest" name="flow"/><testcase class="BCest" name="flow"/></testsuite>`)).toEqual([
      "ACest|flow|passed|0",
      "BCest|flow|passed|0",
    ]);
  });

  test("whitespace inside names is kept; only the ends are trimmed", async () => {
    expect(await names(`<testsuite name="s"><testcase name="stringify a b"/><testcase name="stringify a  b"/><testcase name=" t "/></testsuite>`)).toEqual([
      "s|stringify a b|passed|0",
      "s|stringify a  b|passed|0",
      "s|t|passed|0",
    ]);
  });

  test("test cases with no name are separate tests", async () => {
    expect(await names(`<testsuite name="s"><testcase/><testcase><failure/></testcase><testcase name=""/></testsuite>`)).toEqual([
      "s|(unnamed 1)|passed|0",
      "s|(unnamed 2)|failed|0",
      "s|(unnamed 3)|passed|0",
    ]);
  });
});

describe("repeated test cases", () => {
  test("are retries of one test (go test -count, Gradle test-retry, gotestsum reruns)", async () => {
    const report = await parseJunit(`<testsuites><testsuite name="p"><testcase name="T"><failure/></testcase><testcase name="T"/></testsuite></testsuites>`);
    expect(report.executions.map((e) => `${e.name}|${e.status}|${e.retry}`)).toEqual(["T|failed|0", "T|passed|1"]);
    expect(report.summary).toMatchObject({ tests: 1, passed: 1, flakyRetries: 1 });
  });

  test("a skipped retry never overrides a real outcome", async () => {
    const report = await parseJunit(`<testsuite name="p"><testcase name="T"/><testcase name="T"><skipped/></testcase>
      <testcase name="U"><skipped/></testcase><testcase name="U"><skipped/></testcase></testsuite>`);
    expect(report.summary).toMatchObject({ tests: 2, passed: 1, skipped: 1 });
  });

  test("in a jest-junit report they are distinct tests with the same title", async () => {
    const report = await parseJunit(`<testsuites name="jest tests"><testsuite name="f"><testcase classname="d t" name="d t"/>
      <testcase classname="d t" name="d t"><failure/></testcase></testsuite></testsuites>`);
    expect(report.executions.map((e) => `${e.name}|${e.status}|${e.retry}`)).toEqual(["d t|passed|0", "d t [2]|failed|0"]);
    expect(report.summary).toMatchObject({ tests: 2, passed: 1, failed: 1, flakyRetries: 0 });
  });
});

describe("documents that are not what they claim", () => {
  test("Check's native XML is refused", async () => {
    await expect(parseJunit('<testsuites xmlns="http://check.sourceforge.net/ns"><suite><test/></suite></testsuites>')).rejects.toThrow(
      /Not a JUnit report: Check/,
    );
    await expect(parseJunit("<testsuites><suite><test/></suite></testsuites>")).rejects.toThrow(/<testsuites> holds <suite> but no <testsuite>/);
  });

  test("a header counting tests the body lacks is a warning", async () => {
    const report = await parseJunit('<testsuite name="s" tests="6"></testsuite>');
    expect(report.summary.tests).toBe(0);
    expect(report.warnings).toEqual(["The header says 6 tests but the report holds no <testcase>: nothing was recorded"]);
  });
});

describe("durations", () => {
  test.each<[string, number | undefined]>([
    ["PT1.5S", 1500],
    ["PT1M2.5S", 62_500],
    ["1:02.5", 62_500],
    ["1:00:00", 3_600_000],
    ["1.5", 1500],
    ["", 0],
    ["-1.5", undefined],
    ["NaN", undefined],
    ["soon", undefined],
  ])("%j -> %s", (raw, ms) => {
    expect(readDurationMs(raw)).toBe(ms);
  });

  test("an unreadable time counts as 0 ms with a warning", async () => {
    const report = await parseJunit('<testsuite name="s"><testcase name="a" time="-3"/><testcase name="b" time="NaN"/></testsuite>');
    expect(report.executions.map((e) => e.durationMs)).toEqual([0, 0]);
    expect(report.warnings).toEqual(['2 time attribute(s) could not be read and count as 0 ms ("-3", "NaN")']);
  });
});

describe("limits", () => {
  test("nesting deeper than the limit is refused", async () => {
    const xml = "<testsuites>" + "<testsuite>".repeat(MAX_ELEMENT_DEPTH) + "</testsuite>".repeat(MAX_ELEMENT_DEPTH) + "</testsuites>";
    await expect(parseJunit(xml)).rejects.toThrow(/nested more than 256 deep/);
  });

  test("too many attributes on one element are refused", async () => {
    const attributes = Array.from({ length: 300 }, (_, i) => `a${i}="x"`).join(" ");
    await expect(parseJunit(`<testsuite ${attributes}/>`)).rejects.toThrow(/<testsuite> has 300 attributes; at most 256/);
  });

  test("an attribute value over the limit is refused", async () => {
    await expect(parseJunit(`<testsuite><testcase name="${"x".repeat(MAX_ATTRIBUTE_CHARS + 1)}"/></testsuite>`)).rejects.toThrow(
      /The attribute name of <testcase> is 1048577 characters long/,
    );
  });
});
