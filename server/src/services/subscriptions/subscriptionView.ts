// A subscription as the API answers it: the Slack webhook URL only redacted (it is a secret: whoever
// holds it can post to the channel), the schedule as one object.
import type { SubscriptionData } from "@keel/shared/outputs";
import type { Subscription } from "../../generated/prisma/client.ts";

export function subscriptionView(s: Subscription): SubscriptionData {
  return {
    id: s.id,
    channel: s.channel === "slack" ? "slack" : "email",
    to: s.recipients,
    webhookUrl: s.webhookRedacted,
    team: s.team,
    schedule: { weekday: s.weekday as SubscriptionData["schedule"]["weekday"], time: s.time },
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
