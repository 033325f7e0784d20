import { describe, expect, test } from "vitest";
import { JunitParseError, parseJunit } from "./parseJunit.ts";
import { byteChunks } from "./testSupport/reports.ts";

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
