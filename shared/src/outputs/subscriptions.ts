// The weekly report's subscriptions and their delivery log (api.md "Subscriptions", docs/digest.md;
// tRPC subscriptions.*): a Slack webhook URL only ever redacted.
import { z } from "zod";
import { WEEKDAYS } from "../subscriptions.ts";

export const Subscription = z.strictObject({
  id: z.string(),
  channel: z.enum(["email", "slack"]),
  to: z.array(z.string()),
  /** "https://hooks.slack.com/…abcd"; null for e-mail. */
  webhookUrl: z.string().nullable(),
  team: z.string().nullable(),
  schedule: z.strictObject({ weekday: z.enum(WEEKDAYS), time: z.string() }),
  alerts: z.boolean(),
  /** Above these a team's last full week alerts (docs/digest.md "Alerts"); CFR a fraction, hours per week. */
  alertThresholds: z.strictObject({ changeFailureRate: z.number(), hoursLost: z.number() }),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type SubscriptionData = z.infer<typeof Subscription>;

export const Delivery = z.strictObject({
  id: z.string(),
  subscriptionId: z.string(),
  kind: z.enum(["weekly", "now", "alert"]),
  /** The ISO week reported (an alert: the last full week when it was raised). */
  week: z.string(),
  /** "pending" (waiting or retrying), "sent" or "failed" (attempts exhausted). */
  status: z.enum(["pending", "sent", "failed"]),
  attempts: z.number(),
  /** When it is due (pending) or was last due. */
  dueAt: z.string(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
  /** An alert's message: the subject line, then the text. */
  message: z.string().nullable(),
  createdAt: z.string(),
});
export type DeliveryData = z.infer<typeof Delivery>;

/** Newest first, each with its last delivery and its last alert. */
export const SubscriptionList = z.strictObject({
  subscriptions: z.array(Subscription.extend({ lastDelivery: Delivery.nullable(), lastAlert: Delivery.nullable() })),
});
export type SubscriptionListData = z.infer<typeof SubscriptionList>;
export const SubscriptionDeleted = z.strictObject({ id: z.string(), deleted: z.literal(true) });
/** "Send now": the queued delivery (202). */
export const DeliveryQueued = z.strictObject({ delivery: Delivery });
/** The last 50, newest first. */
export const DeliveryLog = z.strictObject({ deliveries: z.array(Delivery) });
