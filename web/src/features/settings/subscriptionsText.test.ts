import { describe, expect, test } from "vitest";
import { deliveryStatusText, recipientsFrom, scheduleText, targetName } from "./subscriptionsText.ts";

describe("scheduleText", () => {
  test.each([
    [{ weekday: "monday", time: "08:00" }, "Mondays at 08:00"],
    [{ weekday: "sunday", time: "23:30" }, "Sundays at 23:30"],
  ])("%o → %s", (schedule, expected) => expect(scheduleText(schedule)).toBe(expected));
});

describe("recipientsFrom", () => {
  test.each([
    ["", []],
    ["  ", []],
    ["lead@acme.com", ["lead@acme.com"]],
    ["a@x.com, b@x.com", ["a@x.com", "b@x.com"]],
    ["a@x.com;b@x.com\nc@x.com ", ["a@x.com", "b@x.com", "c@x.com"]],
    ["a@x.com,,", ["a@x.com"]],
  ])("%j → %j", (text, expected) => expect(recipientsFrom(text)).toEqual(expected));
});

describe("deliveryStatusText", () => {
  test.each([
    [{ status: "sent", attempts: 1 }, "sent"],
    [{ status: "failed", attempts: 1 }, "failed after 1 attempt"],
    [{ status: "failed", attempts: 5 }, "failed after 5 attempts"],
    [{ status: "pending", attempts: 0 }, "pending"],
    [{ status: "pending", attempts: 2 }, "retrying after 2 failed attempts"],
  ])("%o → %s", (delivery, expected) => expect(deliveryStatusText(delivery)).toBe(expected));
});

describe("targetName", () => {
  test.each([
    [{ channel: "email" as const, to: ["a@x.com", "b@x.com"], webhookUrl: null }, "a@x.com, b@x.com"],
    [{ channel: "slack" as const, to: [], webhookUrl: "https://hooks.slack.com/…1234" }, "Slack https://hooks.slack.com/…1234"],
  ])("%o → %s", (subscription, expected) => expect(targetName(subscription)).toBe(expected));
});
