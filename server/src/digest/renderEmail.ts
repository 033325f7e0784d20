// The weekly report as an e-mail: a plain text part and an HTML part that common mail clients
// render (table layout, inline styles only, no script, no image, nothing loaded from elsewhere).
// Both are rendered from the report document, so a section added to the report reaches the
// e-mail, and every figure is the report's as written there.
import { reportDocument, type Block } from "../reports/reportDocument.ts";
import { escapeHtml, htmlPage } from "../reports/renderHtml.ts";
import type { WeeklyReport } from "../services/getWeeklyReport.ts";
import { headlines, reportLink, subjectOf } from "./message.ts";
import { documentText } from "./plainText.ts";

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
}

export const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const CELL = `${FONT}font-size:13px;line-height:1.4;border:1px solid #d0d7de;padding:4px 8px;vertical-align:top;`;

function htmlTable(block: Extract<Block, { kind: "table" }>): string {
  const align = (i: number) => (block.numeric[i] ? "text-align:right;white-space:nowrap;" : "text-align:left;");
  const head = block.head.map((h, i) => `<th style="${CELL}${align(i)}background:#f6f8fa;">${escapeHtml(h)}</th>`).join("");
  const rows = block.rows
    .map((r) => `<tr>${r.cells.map((c, i) => `<td style="${CELL}${align(i)}${r.strong ? "font-weight:bold;" : ""}">${escapeHtml(c)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="border-collapse:collapse;margin:4px 0 16px;">\n<tr>${head}</tr>\n${rows}\n</table>`;
}

function htmlBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return block.level === 1
        ? `<h1 style="${FONT}font-size:22px;margin:0 0 4px;color:#1b1f24;">${escapeHtml(block.text)}</h1>`
        : `<h2 style="${FONT}font-size:17px;margin:24px 0 6px;padding-bottom:3px;border-bottom:1px solid #d0d7de;color:#1b1f24;">${escapeHtml(block.text)}</h2>`;
    case "paragraph":
      return `<p style="${FONT}font-size:14px;line-height:1.5;margin:6px 0;color:#1b1f24;">${escapeHtml(block.text)}</p>`;
    case "table":
      return htmlTable(block);
    case "summaries":
      return block.items
        .map(
          (i) =>
            `<p style="${FONT}font-size:14px;line-height:1.5;margin:8px 0 2px;color:#1b1f24;">${escapeHtml(i.text)}</p>` +
            `<p style="${FONT}font-size:12px;line-height:1.4;margin:0 0 8px;color:#57606a;">How this was computed: ${i.formula.map(escapeHtml).join("; ")}. Inputs: ${i.inputs.map(escapeHtml).join("; ")}. Cost model: ${escapeHtml(i.costModel)}.</p>`,
        )
        .join("\n");
  }
}

export function renderEmail(report: WeeklyReport, { publicUrl }: { publicUrl?: string | undefined }): EmailMessage {
  const blocks = reportDocument(report);
  const subject = subjectOf(report);
  const link = reportLink(report, publicUrl);
  const lines = headlines(report);
  const text = [
    subject,
    "",
    ...lines.map((l) => `* ${l}`),
    "",
    link ? `Open the report in Keel: ${link}` : "Open the weekly report in Keel (set KEEL_PUBLIC_URL for a link).",
    "",
    documentText(blocks),
    "",
  ].join("\n");
  const headline = `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="border-collapse:collapse;background:#fff8e6;border-left:4px solid #d4a72c;margin:12px 0;"><tr><td style="padding:8px 12px;">${lines
    .map((l) => `<p style="${FONT}font-size:14px;line-height:1.5;margin:4px 0;color:#1b1f24;">${escapeHtml(l)}</p>`)
    .join("")}</td></tr></table>`;
  const html = emailPage({
    title: subject,
    kicker: `Keel weekly health · ${report.week}`,
    body: `${headline}\n${emailButton(link, "Open the report in Keel", "12px 0 20px")}\n${blocks.map(htmlBlock).join("\n")}`,
  });
  return { subject, text, html };
}

/** A button linking into Keel; nothing without a link (no KEEL_PUBLIC_URL). */
export function emailButton(link: string | null, label: string, margin: string): string {
  return link
    ? `<p style="margin:${margin};"><a href="${escapeHtml(link)}" style="${FONT}display:inline-block;background:#0b5cad;color:#ffffff;text-decoration:none;font-size:14px;font-weight:bold;padding:9px 16px;border-radius:4px;">${escapeHtml(label)}</a></p>`
    : "";
}

/**
 * Every Keel e-mail's page: a white card centred on grey, table layout and inline styles only (what
 * common mail clients render), the small `kicker` line first, then `body` (HTML, already escaped).
 * `accent` colours the card's left edge (alerts).
 */
export function emailPage({
  title,
  kicker,
  body,
  maxWidth = 960,
  accent,
}: {
  title: string;
  kicker: string;
  body: string;
  maxWidth?: number;
  accent?: string;
}): string {
  return htmlPage(
    title,
    "",
    '<body style="margin:0;padding:0;background:#f3f4f6;">',
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="border-collapse:collapse;background:#f3f4f6;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="border-collapse:collapse;max-width:${maxWidth}px;background:#ffffff;border:1px solid #d0d7de;${accent ? `border-left:4px solid ${accent};` : ""}">
<tr><td style="padding:20px 24px;">
<p style="${FONT}font-size:12px;letter-spacing:.05em;text-transform:uppercase;color:#57606a;margin:0 0 8px;">${escapeHtml(kicker)}</p>
${body}
</td></tr>
</table>
</td></tr>
</table>`,
  );
}
