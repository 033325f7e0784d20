// A subscription as the API answers it: the Slack webhook URL only redacted (it is a secret: whoever
// holds it can post to the channel), the schedule as one object.
import type { Subscription } from "../../generated/prisma/client.ts";

export interface SubscriptionView {
  id: string;
  channel: "email" | "slack";
  to: string[];
  /** "https://hooks.slack.com/…abcd"; null for e-mail. */
  webhookUrl: string | null;
  team: string | null;
  schedule: { weekday: string; time: string };
  alerts: boolean;
  /** Above these a team's last full week alerts (docs/digest.md "Alerts"); CFR a fraction, hours per week. */
  alertThresholds: { changeFailureRate: number; hoursLost: number };
  createdAt: string;
  createdBy: string;
}

export function subscriptionView(s: Subscription): SubscriptionView {
  return {
    id: s.id,
    channel: s.channel === "slack" ? "slack" : "email",
    to: s.recipients,
    webhookUrl: s.webhookRedacted,
    team: s.team,
    schedule: { weekday: s.weekday, time: s.time },
    alerts: s.alerts,
    alertThresholds: { changeFailureRate: s.alertChangeFailureRate, hoursLost: s.alertHoursLost },
    createdAt: s.createdAt.toISOString(),
    createdBy: s.createdBy,
  };
}

/** Scheme and host, and the last 4 characters: enough to tell two webhooks apart, not to post. */
export function redactUrl(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}/…${url.slice(-4)}`;
}
