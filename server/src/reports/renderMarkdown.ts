// The weekly report as Markdown (Accept: text/markdown, keel report --format md). Every text is
// escaped: a test name or incident title can hold Markdown or HTML and must show as written.
import type { ReportBlock as Block } from "@keel/shared/reportBlocks";

/**
 * Escapes Markdown and inline HTML so the text shows as written: emphasis, code, links, tables and
 * strikethrough characters get a backslash, &, < and > become entities, a line-start marker
 * (heading, list, quote) is escaped, and newlines become spaces (one line per cell or sentence).
 */
export function escapeMarkdown(text: string, lineStart = false): string {
  const escaped = text
    .replace(/[\r\n]+/g, " ")
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
  if (!lineStart) return escaped;
  return escaped.replace(/^(\s*)([#+-]|\d+[.)])/, (_m, space: string, marker: string) => `${space}${marker.replace(/[#+\-.)]/, (c) => `\\${c}`)}`);
}

function table(block: Extract<Block, { kind: "table" }>): string[] {
  const row = (cells: string[], strong = false) => `| ${cells.map((c) => (strong && c ? `**${escapeMarkdown(c)}**` : escapeMarkdown(c))).join(" | ")} |`;
  return [row(block.head), `| ${block.numeric.map((n) => (n ? "---:" : "---")).join(" | ")} |`, ...block.rows.map((r) => row(r.cells, r.strong))];
}

export function renderMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case "heading":
        out.push(`${"#".repeat(block.level)} ${escapeMarkdown(block.text)}`, "");
        break;
      case "paragraph":
        out.push(escapeMarkdown(block.text, true), "");
        break;
      case "table":
        out.push(...table(block), "");
        break;
      case "summaries":
        for (const item of block.items) {
          out.push(`- ${escapeMarkdown(item.text, true)}`);
          out.push(`  - How this was computed: ${item.formula.map((f) => escapeMarkdown(f)).join("; ")}.`);
          out.push(`  - Inputs: ${item.inputs.map((i) => escapeMarkdown(i)).join("; ")}. Cost model: ${escapeMarkdown(item.costModel)}.`);
        }
        out.push("");
        break;
    }
  }
  return `${out.join("\n").trimEnd()}\n`;
}
