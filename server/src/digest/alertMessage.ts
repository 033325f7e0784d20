// An alert's message (docs/digest.md "Alerts"). It is written once, when the change of state is
// seen, and kept in the Delivery row (`message`: the subject line, the sentence, the link), so a
// retry sends the same words and the delivery log shows what went out. Sent as a short e-mail
// (plain text and HTML, inline styles only) or a Slack message with a `text` fallback.
import type { AlertCondition } from "../metrics/alertConditions.ts";
import { escapeHtml } from "../reports/renderHtml.ts";
import { keelLink } from "./message.ts";
import { FONT, type EmailMessage } from "./renderEmail.ts";
import { escapeSlack, type SlackMessage } from "./renderSlack.ts";

export const ALERT_SUBJECT_PREFIX = "Keel alert: ";

/** "Keel alert: <headline>\n<sentence>\n<link>" (no link line without KEEL_PUBLIC_URL). */
export function alertMessage(c: AlertCondition, publicUrl: string | undefined): string {
  const link = keelLink(publicUrl, c.path);
  return [`${ALERT_SUBJECT_PREFIX}${c.headline}`, c.sentence, ...(link ? [link] : [])].join("\n");
}

interface AlertParts {
  subject: string;
  sentences: string[];
  link: string | null;
}

function partsOf(message: string): AlertParts {
  const [subject = "Keel alert", ...rest] = message.split("\n");
  const last = rest.at(-1);
  const link = last && /^https?:\/\//.test(last) ? last : null;
  return { subject, sentences: link ? rest.slice(0, -1) : rest, link };
}

export function renderAlertEmail(message: string): EmailMessage {
  const { subject, sentences, link } = partsOf(message);
  const text = [...sentences, "", link ? `Open Keel: ${link}` : "Open Keel to see more (set KEEL_PUBLIC_URL for a link).", ""].join("\n");
  const paragraphs = sentences.map((s) => `<p style="${FONT}font-size:15px;line-height:1.5;margin:8px 0;color:#1b1f24;">${escapeHtml(s)}</p>`).join("\n");
  const button = link
    ? `<p style="margin:16px 0 4px;"><a href="${escapeHtml(link)}" style="${FONT}display:inline-block;background:#0b5cad;color:#ffffff;text-decoration:none;font-size:14px;font-weight:bold;padding:9px 16px;border-radius:4px;">Open in Keel</a></p>`
    : "";
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f3f4f6;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="border-collapse:collapse;background:#f3f4f6;">
<tr><td align="center" style="padding:16px 8px;">
<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="border-collapse:collapse;max-width:640px;background:#ffffff;border:1px solid #d0d7de;border-left:4px solid #cf222e;">
<tr><td style="padding:16px 24px;">
<p style="${FONT}font-size:12px;letter-spacing:.05em;text-transform:uppercase;color:#57606a;margin:0 0 8px;">Keel alert</p>
${paragraphs}
${button}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
  return { subject, text, html };
}

export function renderAlertSlack(message: string): SlackMessage {
  const { subject, sentences, link } = partsOf(message);
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: subject.length <= 150 ? subject : `${subject.slice(0, 149)}…` } },
    { type: "section", text: { type: "mrkdwn", text: sentences.map(escapeSlack).join("\n") } },
  ];
  if (link) blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open in Keel" }, url: link }] });
  return { text: [subject, ...sentences, ...(link ? [link] : [])].join("\n"), blocks };
}
