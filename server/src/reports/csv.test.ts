import { describe, expect, test } from "vitest";
import { csvCell, csvLine } from "./csv.ts";

describe("CSV cells (RFC 4180, formula injection guarded)", () => {
  test.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\rhere", '"cr\rhere"'],
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1 555", "'+1 555"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\t=1", "'\t=1"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test.each([
    [-3.5, "-3.5"],
    [0, "0"],
    [Number.NaN, ""],
    [null, ""],
    [undefined, ""],
    [true, "true"],
    [new Date("2026-11-16T00:00:00Z"), "2026-11-16T00:00:00.000Z"],
  ])("%j → %j (numbers are never prefixed)", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  test("a line ends with CRLF", () => {
    expect(csvLine(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });
});
