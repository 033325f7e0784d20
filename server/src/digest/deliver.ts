// Sends one delivery to its subscription's channel: the weekly report of its week (the same service
// as GET /api/v1/reports/weekly, so the figures are the report's to the cent), or an alert whose
// words were written when it was raised (digest/alertMessage.ts).
import type { Db } from "../db/client.ts";
import type { Delivery, Subscription } from "../generated/prisma/client.ts";
import { getWeeklyReport } from "../services/getWeeklyReport.ts";
import type { SecretBox } from "../services/secrets/secretBox.ts";
import { renderAlertEmail, renderAlertSlack } from "./alertMessage.ts";
import { renderEmail } from "./renderEmail.ts";
import { renderSlack } from "./renderSlack.ts";
import { postSlack, sendEmail, type DigestOptions } from "./transport.ts";

export interface DeliverDeps {
  db: Db;
  secrets: SecretBox;
  options: DigestOptions;
  now: () => Date;
}

/** Sends and says what the receiver answered; throws DeliveryError (or any error) on failure. */
export async function deliver(deps: DeliverDeps, delivery: Delivery, subscription: Subscription): Promise<string> {
  const message =
    delivery.kind === "alert" && delivery.message !== null
      ? { email: renderAlertEmail(delivery.message), slack: renderAlertSlack(delivery.message) }
      : await reportMessage(deps, delivery, subscription);
  if (subscription.channel === "slack") {
    if (!subscription.webhookSealed) throw new Error("a Slack subscription without a webhook");
    return postSlack(deps.secrets.open(subscription.webhookSealed), message.slack);
  }
  return sendEmail(deps.options, { to: subscription.recipients, ...message.email });
}

async function reportMessage(deps: DeliverDeps, delivery: Delivery, subscription: Subscription) {
  const report = await getWeeklyReport({
    db: deps.db,
    input: subscription.team ? { week: delivery.week, team: subscription.team } : { week: delivery.week },
    now: deps.now(),
  });
  return { email: renderEmail(report, deps.options), slack: renderSlack(report, deps.options) };
}
