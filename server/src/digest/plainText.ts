// The report document (reports/reportDocument.ts) as plain text: the e-mail's text part and the
// Slack message's sections. Tables become aligned columns, so figures read exactly as in the HTML.
import type { Block } from "../reports/reportDocument.ts";

type Table = Extract<Block, { kind: "table" }>;

/** A table as aligned monospace columns: numbers to the right, text to the left. */
export function textTable(block: Table): string {
  const lines = [block.head, ...block.rows.map((r) => r.cells)];
  const widths = block.head.map((_, i) => Math.max(...lines.map((cells) => (cells[i] ?? "").length)));
  const row = (cells: string[]) =>
    cells
      .map((c, i) => (block.numeric[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [row(block.head), widths.map((w) => "-".repeat(w)).join("  "), ...lines.slice(1).map(row)].join("\n");
}

export function blockText(block: Block): string {
  switch (block.kind) {
    case "heading":
      return block.level === 1 ? `${block.text}\n${"=".repeat(block.text.length)}` : `${block.text}\n${"-".repeat(block.text.length)}`;
    case "paragraph":
      return block.text;
    case "table":
      return textTable(block);
    case "summaries":
      return block.items
        .map((i) => `- ${i.text}\n  How this was computed: ${i.formula.join("; ")}. Inputs: ${i.inputs.join("; ")}. Cost model: ${i.costModel}.`)
        .join("\n");
  }
}

export function documentText(blocks: Block[]): string {
  return blocks.map(blockText).join("\n\n");
}
