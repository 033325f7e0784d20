// The weekly report as a Slack incoming-webhook message: Block Kit blocks (a header naming the
// week, the headline sentences, the link, then the report's sections with tables as preformatted
// text) and a `text` fallback for notifications and clients without blocks. Rendered from the
// report document, so a section added to the report reaches Slack too.
import { reportDocument, type Block } from "../reports/reportDocument.ts";
import type { WeeklyReport } from "../services/getWeeklyReport.ts";
import { headlines, reportLink, subjectOf } from "./message.ts";
import { blockText } from "./plainText.ts";

export interface SlackMessage {
  text: string;
  blocks: Record<string, unknown>[];
}

// Slack's limits: 50 blocks a message, 3,000 characters a section, 150 a header.
const MAX_BLOCKS = 50;
const SECTION_CHARS = 3000;

/** Slack's mrkdwn escapes only these three (api.slack.com "Escaping text"). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text: clip(text, SECTION_CHARS) } });

function slackBlock(block: Block): Record<string, unknown> | null {
  switch (block.kind) {
    case "heading":
      return block.level === 1 ? null : section(`*${escapeSlack(block.text)}*`);
    case "paragraph":
      return section(escapeSlack(block.text));
    case "table":
      return section(`\`\`\`${clip(escapeSlack(blockText(block)), SECTION_CHARS - 7)}\`\`\``);
    case "summaries":
      return section(block.items.map((i) => `• ${escapeSlack(i.text)}`).join("\n"));
  }
}

export function renderSlack(report: WeeklyReport, { publicUrl }: { publicUrl?: string | undefined }): SlackMessage {
  const subject = subjectOf(report);
  const link = reportLink(report, publicUrl);
  const lines = headlines(report);
  const head: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: clip(subject, 150) } },
    section(lines.map((l) => `• ${escapeSlack(l)}`).join("\n")),
  ];
  if (link) head.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open the report in Keel" }, url: link }] });
  head.push({ type: "divider" });
  const body = reportDocument(report)
    .map(slackBlock)
    .filter((b): b is Record<string, unknown> => b !== null);
  const room = MAX_BLOCKS - head.length - 1;
  const blocks = [...head, ...body.slice(0, room)];
  if (body.length > room) blocks.push(section(link ? `The rest of the report is in Keel: <${link}|${report.week}>` : "The rest of the report is in Keel."));
  const text = `${subject}\n${lines.join("\n")}${link ? `\n${link}` : ""}`;
  return { text, blocks };
}
