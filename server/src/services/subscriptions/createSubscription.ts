// Creates a subscription to the weekly report (POST /api/v1/subscriptions, tRPC
// subscriptions.create). A Slack webhook URL is stored sealed; a team must exist.
import { DEFAULT_ALERT_THRESHOLDS, DEFAULT_SCHEDULE, type SubscriptionCreateData } from "@keel/shared";
import type { SubscriptionData } from "@keel/shared/outputs";
import type { Tx } from "../../db/types.ts";
import { KeelError } from "../../errors.ts";
import type { SecretBox } from "../secrets/secretBox.ts";
import { redactUrl, subscriptionView } from "./subscriptionView.ts";

export async function createSubscription({
  db,
  secrets,
  input,
  actor,
}: {
  db: Tx;
  secrets: SecretBox;
  input: SubscriptionCreateData;
  actor: string;
}): Promise<SubscriptionData> {
  if (input.team && !(await db.team.findUnique({ where: { slug: input.team }, select: { id: true } }))) {
    throw new KeelError("VALIDATION_FAILED", `No team has the slug "${input.team}".`, [{ path: "team", message: "is not a team" }]);
  }
  const schedule = input.schedule ?? DEFAULT_SCHEDULE;
  const row = await db.subscription.create({
    data: {
      channel: input.channel,
      recipients: input.channel === "email" ? [...new Set(input.to.map((a) => a.toLowerCase()))] : [],
      webhookSealed: input.channel === "slack" ? secrets.seal(input.webhookUrl) : null,
      webhookRedacted: input.channel === "slack" ? redactUrl(input.webhookUrl) : null,
      team: input.team ?? null,
      weekday: schedule.weekday,
      time: schedule.time,
      alerts: input.alerts ?? false,
      alertChangeFailureRate: input.alertThresholds?.changeFailureRate ?? DEFAULT_ALERT_THRESHOLDS.changeFailureRate,
      alertHoursLost: input.alertThresholds?.hoursLost ?? DEFAULT_ALERT_THRESHOLDS.hoursLost,
      createdBy: actor,
    },
  });
  return subscriptionView(row);
}

/** What the audit log keeps of a new subscription: everything but the webhook URL. */
export function auditedFields(input: SubscriptionCreateData): Record<string, unknown> {
  if (input.channel === "slack") {
    const { webhookUrl, ...rest } = input;
    return { ...rest, webhookUrl: redactUrl(webhookUrl) };
  }
  return input;
}
