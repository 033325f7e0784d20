// Subscriptions to the weekly health report (docs/digest.md): e-mail recipients or a Slack
// incoming webhook, for the organisation or one team, on a weekday and time in the organisation's
// time zone. The web app's Settings and the REST API validate with these same schemas.
import { z } from "zod";
import { TeamSlug } from "./settings.ts";

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const SubscriptionSchedule = z.strictObject({
  weekday: z.enum(WEEKDAYS, { error: `must be one of ${WEEKDAYS.join(", ")}` }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time of day as HH:MM (24 hours), such as 08:00"),
});
export type SubscriptionScheduleData = z.output<typeof SubscriptionSchedule>;
export const DEFAULT_SCHEDULE: SubscriptionScheduleData = { weekday: "monday", time: "08:00" };

export const MAX_RECIPIENTS = 20;
const Email = z.email({ error: "must be an e-mail address" }).max(254, "must be at most 254 characters");

/** A Slack incoming webhook: https://hooks.slack.com/services/... (or any https URL, for Slack-compatible receivers). */
const WebhookUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL, such as https://hooks.slack.com/services/T000/B000/XXXX" })
  .max(2000, "must be at most 2,000 characters");

/** Alert thresholds (docs/digest.md "Alerts"): a team's figure over the last full week above one alerts. */
export const DEFAULT_ALERT_THRESHOLDS = { changeFailureRate: 0.15, hoursLost: 40 } as const;
export const AlertThresholds = z.strictObject({
  changeFailureRate: z
    .number({ error: "must be a fraction from 0 to 1 (0.15 is 15%)" })
    .min(0, "must be a fraction from 0 to 1 (0.15 is 15%)")
    .max(1, "must be a fraction from 0 to 1 (0.15 is 15%)")
    .optional(),
  hoursLost: z
    .number({ error: "must be a number of hours per team per week" })
    .finite()
    .min(0, "must be 0 or more hours per team per week")
    .max(1_000_000, "must be at most 1,000,000 hours per team per week")
    .optional(),
});

const common = {
  team: TeamSlug.optional(),
  schedule: SubscriptionSchedule.optional(),
  alerts: z.boolean({ error: "must be true or false" }).optional(),
  alertThresholds: AlertThresholds.optional(),
};

export const SubscriptionCreate = z.discriminatedUnion(
  "channel",
  [
    z.strictObject({
      channel: z.literal("email"),
      to: z
        .array(Email, { error: "must be a list of e-mail addresses" })
        .min(1, "must name at least one recipient")
        .max(MAX_RECIPIENTS, `must name at most ${MAX_RECIPIENTS} recipients`),
      ...common,
    }),
    z.strictObject({ channel: z.literal("slack"), webhookUrl: WebhookUrl, ...common }),
  ],
  { error: 'must be "email" or "slack"' },
);
export type SubscriptionCreateInput = z.input<typeof SubscriptionCreate>;
export type SubscriptionCreateData = z.output<typeof SubscriptionCreate>;

export const SubscriptionRef = z.strictObject({ id: z.uuid({ error: "must be a subscription id" }) });
export type SubscriptionRefData = z.output<typeof SubscriptionRef>;
