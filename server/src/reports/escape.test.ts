import { describe, expect, test } from "vitest";
import { escapeHtml, renderHtml } from "./renderHtml.ts";
import { escapeMarkdown, renderMarkdown } from "./renderMarkdown.ts";

describe("report escaping", () => {
  test.each([
    ["<script>x</script>", "&lt;script&gt;x&lt;/script&gt;"],
    ["a | b", "a \\| b"],
    ["**bold** _em_ `code` ~~s~~", "\\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\~\\~s\\~\\~"],
    ["[x](http://e)", "\\[x\\](http://e)"],
    ["a & b", "a &amp; b"],
    ["two\nlines", "two lines"],
  ])("Markdown %j → %j", (input, out) => {
    expect(escapeMarkdown(input)).toBe(out);
  });

  test.each([
    ["# not a heading", "\\# not a heading"],
    ["- not a list", "\\- not a list"],
    ["1. not a list", "1\\. not a list"],
  ])("Markdown at a line start %j → %j", (input, out) => {
    expect(escapeMarkdown(input, true)).toBe(out);
  });

  test("HTML escapes the five characters", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  test("a whole document: nothing unescaped gets through either renderer", () => {
    const evil = "<img src=x onerror=alert(1)> | *x*";
    const blocks = [
      { kind: "heading" as const, level: 1 as const, text: evil },
      { kind: "paragraph" as const, text: evil },
      { kind: "table" as const, head: [evil], rows: [{ cells: [evil], strong: true }], numeric: [false] },
      { kind: "summaries" as const, items: [{ text: evil, formula: [evil], inputs: [evil], costModel: evil }] },
    ];
    expect(renderHtml(blocks)).not.toContain("<img");
    expect(renderMarkdown(blocks)).not.toContain("<img");
    expect(renderMarkdown(blocks)).not.toMatch(/[^\\]\*x\*/);
  });
});
