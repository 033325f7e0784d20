// How messages leave Keel: e-mail through SMTP (nodemailer; smtp:// upgrades with STARTTLS when
// the server offers it, smtps:// is TLS from the start) and Slack through an incoming webhook.
// Errors name what went wrong without the webhook URL or the SMTP password.
import nodemailer from "nodemailer";

export interface DigestOptions {
  /** KEEL_SMTP_URL; unset: e-mail deliveries fail with "no SMTP server is configured". */
  smtpUrl?: string | undefined;
  /** KEEL_MAIL_FROM. */
  mailFrom: string;
  /** KEEL_PUBLIC_URL: the messages' link back to Keel. */
  publicUrl?: string | undefined;
}

export class DeliveryError extends Error {
  override name = "DeliveryError";
}

const TIMEOUT_MS = 20_000;

export async function sendEmail(options: DigestOptions, mail: { to: string[]; subject: string; text: string; html: string }): Promise<string> {
  if (!options.smtpUrl) throw new DeliveryError("no SMTP server is configured (set KEEL_SMTP_URL)");
  const url = new URL(options.smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port) || (url.protocol === "smtps:" ? 465 : 587),
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail({ from: options.mailFrom, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    return `accepted by ${url.host} for ${info.accepted.length} recipient(s)`;
  } catch (error) {
    const e = error as { code?: string; responseCode?: number; message?: string };
    throw new DeliveryError(
      `SMTP: ${e.responseCode ? `${e.responseCode} ` : ""}${e.code ?? ""} ${(e.message ?? "failed").replace(options.smtpUrl, "<KEEL_SMTP_URL>")}`
        .replace(/\s+/g, " ")
        .trim(),
    );
  } finally {
    transport.close();
  }
}

export async function postSlack(webhookUrl: string, body: unknown): Promise<string> {
  let res: Response;
  try {
    res = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
  } catch (error) {
    throw new DeliveryError(
      `Slack: the webhook could not be reached (${(error as Error).name === "TimeoutError" ? "timed out" : ((error as { cause?: { code?: string } }).cause?.code ?? "network error")})`,
    );
  }
  const answer = (await res.text()).slice(0, 200);
  if (!res.ok) throw new DeliveryError(`Slack: ${res.status} ${answer}`.trim());
  return `Slack answered ${res.status}`;
}
