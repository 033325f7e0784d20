import { describe, expect, test } from "vitest";
import { deliveryStatusText, lastAlertText, recipientsFrom, scheduleText, targetName, thresholdsText } from "./subscriptionsText.ts";

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

describe("lastAlertText", () => {
  const when = (iso: string) => iso.slice(0, 10);
  const alert = {
    message: "Keel alert: Change failure rate goal is now off track\nThe goal ...\nhttps://keel.example/",
    sentAt: "2026-11-18T12:01:00Z",
    dueAt: "2026-11-18T12:00:00Z",
  };
  test.each([
    [{ alerts: false, lastAlert: null }, "no"],
    [{ alerts: true, lastAlert: null }, "no alerts yet"],
    [{ alerts: true, lastAlert: alert }, "Last: Change failure rate goal is now off track (2026-11-18)"],
    [{ alerts: true, lastAlert: { ...alert, sentAt: null, dueAt: "2026-11-19T00:00:00Z" } }, "Last: Change failure rate goal is now off track (2026-11-19)"],
    [{ alerts: true, lastAlert: { ...alert, message: null } }, "Last: alert (2026-11-18)"],
  ])("%o → %s", (s, expected) => expect(lastAlertText(s, when)).toBe(expected));
});

describe("thresholdsText", () => {
  test.each([
    [{ changeFailureRate: 0.15, hoursLost: 40 }, "change failure rate above 15%, hours lost above 40 h a week"],
    [{ changeFailureRate: 0.125, hoursLost: 12.5 }, "change failure rate above 12.5%, hours lost above 12.5 h a week"],
  ])("%o → %s", (t, expected) => expect(thresholdsText(t)).toBe(expected));
});
