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

/** An alert delivery's subject without "Keel alert: " (its message's first line; docs/digest.md "Alerts"). */
export function alertSubject(message: string | null): string {
  return (message ?? "").split("\n")[0]?.replace(/^Keel alert: /, "") || "alert";
}

/** The Alerts cell: "no", "no alerts yet", or the last alert: "Last: Change failure rate goal is now off track (12 Nov, 09:00)". */
export function lastAlertText(
  s: { alerts: boolean; lastAlert: { message: string | null; sentAt: string | null; dueAt: string } | null },
  when: (iso: string) => string,
): string {
  if (!s.alerts) return "no";
  if (!s.lastAlert) return "no alerts yet";
  return `Last: ${alertSubject(s.lastAlert.message)} (${when(s.lastAlert.sentAt ?? s.lastAlert.dueAt)})`;
}

/** { changeFailureRate: 0.15, hoursLost: 40 } → "change failure rate above 15%, hours lost above 40 h a week". */
export function thresholdsText(t: { changeFailureRate: number; hoursLost: number }): string {
  return `change failure rate above ${Math.round(t.changeFailureRate * 1000) / 10}%, hours lost above ${t.hoursLost} h a week`;
}
