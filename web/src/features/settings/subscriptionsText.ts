// Words for the Settings page's subscriptions: a schedule, and recipients typed in a form.

/** { weekday: "monday", time: "08:00" } → "Mondays at 08:00". */
export function scheduleText(schedule: { weekday: string; time: string }): string {
  return `${schedule.weekday.charAt(0).toUpperCase()}${schedule.weekday.slice(1)}s at ${schedule.time}`;
}

/** "a@x.com, b@x.com\nc@x.com" → ["a@x.com", "b@x.com", "c@x.com"]: commas, semicolons, spaces or lines. */
export function recipientsFrom(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** A delivery's outcome in words: "sent", "failed after 5 attempts", "retrying after 2 failed attempts". */
export function deliveryStatusText(d: { status: string; attempts: number }): string {
  if (d.status === "sent") return "sent";
  if (d.status === "failed") return `failed after ${d.attempts} ${d.attempts === 1 ? "attempt" : "attempts"}`;
  return d.attempts === 0 ? "pending" : `retrying after ${d.attempts} failed ${d.attempts === 1 ? "attempt" : "attempts"}`;
}

/** Where a subscription goes, in a few words: the recipients, or "Slack https://hooks.slack.com/…abcd". */
export function targetName(s: { channel: "email" | "slack"; to: string[]; webhookUrl: string | null }): string {
  return s.channel === "email" ? s.to.join(", ") : `Slack ${s.webhookUrl ?? ""}`.trim();
}
