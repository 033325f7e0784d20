// An alert's message (docs/digest.md "Alerts"). It is written once, when the change of state is
// seen, and kept in the Delivery row (`message`: the subject line, the sentence, the link), so a
// retry sends the same words and the delivery log shows what went out. Sent as a short e-mail
// (plain text and HTML, inline styles only) or a Slack message with a `text` fallback.
import type { AlertCondition } from "../metrics/alertConditions.ts";
import { escapeHtml } from "../reports/renderHtml.ts";
import { keelLink } from "./message.ts";
import { emailButton, emailPage, FONT, type EmailMessage } from "./renderEmail.ts";
import { clip, escapeSlack, type SlackMessage } from "./renderSlack.ts";

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
  const html = emailPage({
    title: subject,
    kicker: "Keel alert",
    body: `${paragraphs}\n${emailButton(link, "Open in Keel", "16px 0 4px")}`,
    maxWidth: 640,
    accent: "#cf222e",
  });
  return { subject, text, html };
}

export function renderAlertSlack(message: string): SlackMessage {
  const { subject, sentences, link } = partsOf(message);
  const blocks: Record<string, unknown>[] = [
    { type: "header", text: { type: "plain_text", text: clip(subject, 150) } },
    { type: "section", text: { type: "mrkdwn", text: sentences.map(escapeSlack).join("\n") } },
  ];
  if (link) blocks.push({ type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open in Keel" }, url: link }] });
  return { text: [subject, ...sentences, ...(link ? [link] : [])].join("\n"), blocks };
}
