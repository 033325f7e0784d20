// The weekly report as one self-contained HTML page (Accept: text/html, keel report --format html):
// inline styles, no script, no external resource, and a print stylesheet. Every text is escaped.
import type { ReportBlock as Block } from "@keel/shared/reportBlocks";

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

/** A whole HTML page: `head` goes after the title (a style sheet, or nothing); `bodyTag` opens the body. */
export function htmlPage(title: string, head: string, bodyTag: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
${head ? `${head}\n` : ""}</head>
${bodyTag}
${content}
</body>
</html>
`;
}

const STYLE = `
  body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
  p { margin: .5rem 0; } .meta { color: #57606a; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: 13px; }
  th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
  th { background: #f6f8fa; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tr.strong td { font-weight: 600; }
  ul.summaries { padding-left: 1.1rem; } ul.summaries > li { margin-bottom: .6rem; }
  details { color: #57606a; font-size: 12px; margin-top: .2rem; } summary { cursor: pointer; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11px; } h2 { break-after: avoid; } table, li { break-inside: avoid; }
    details { display: block; } details > summary { list-style: none; } details > * { display: block; }
  }`;

function table(block: Extract<Block, { kind: "table" }>): string {
  const cls = (i: number) => (block.numeric[i] ? ' class="n"' : "");
  const head = block.head.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join("");
  const rows = block.rows
    .map((r) => `<tr${r.strong ? ' class="strong"' : ""}>${r.cells.map((c, i) => `<td${cls(i)}>${escapeHtml(c)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

export function renderHtml(blocks: Block[]): string {
  const title = blocks.find((b): b is Extract<Block, { kind: "heading" }> => b.kind === "heading")?.text ?? "Keel report";
  const body = blocks.map((block, index) => {
    switch (block.kind) {
      case "heading":
        return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
      case "paragraph":
        return `<p${index === 1 ? ' class="meta"' : ""}>${escapeHtml(block.text)}</p>`;
      case "table":
        return table(block);
      case "summaries":
        return `<ul class="summaries">\n${block.items
          .map(
            (item) =>
              `<li>${escapeHtml(item.text)}<details><summary>How this was computed</summary>` +
              `<div>${item.formula.map((f) => escapeHtml(f)).join("<br>")}</div>` +
              `<div>Inputs: ${item.inputs.map((i) => escapeHtml(i)).join("; ")}.</div>` +
              `<div>Cost model: ${escapeHtml(item.costModel)}.</div></details></li>`,
          )
          .join("\n")}\n</ul>`;
    }
  });
  return htmlPage(title, `<style>${STYLE}\n</style>`, "<body>", body.join("\n"));
}
