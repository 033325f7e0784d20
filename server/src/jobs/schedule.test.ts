import { describe, expect, test } from "vitest";
import { dueWeek, lastFullWeek, retryDelayMs, sendTimeOf } from "./schedule.ts";

const monday8 = { weekday: "monday", time: "08:00" };
const LONG_AGO = new Date("2020-01-01T00:00:00Z");

describe("sendTimeOf: the weekday and time on the organisation's wall clock, across daylight saving", () => {
  test.each([
    // Europe/Berlin leaves summer time on Sunday 25 Oct 2026: the week's Monday send moves an hour in UTC.
    ["2026-W43", monday8, "Europe/Berlin", "2026-10-26T07:00:00.000Z"],
    ["2026-W42", monday8, "Europe/Berlin", "2026-10-19T06:00:00.000Z"],
    ["2026-W43", { weekday: "sunday", time: "02:30" }, "Europe/Berlin", "2026-11-01T01:30:00.000Z"],
    // The repeated hour (02:30 happens twice on 25 Oct 2026): the first occurrence, still summer time.
    ["2026-W42", { weekday: "sunday", time: "02:30" }, "Europe/Berlin", "2026-10-25T00:30:00.000Z"],
    // The gap: 29 Mar 2026 02:30 never happens in Berlin; sent when the clock reaches 03:30.
    ["2026-W12", { weekday: "sunday", time: "02:30" }, "Europe/Berlin", "2026-03-29T01:30:00.000Z"],
    ["2026-W47", { weekday: "friday", time: "17:45" }, "America/New_York", "2026-11-27T22:45:00.000Z"],
    ["2026-W47", monday8, "UTC", "2026-11-23T08:00:00.000Z"],
    ["2026-W53", monday8, "Asia/Tokyo", "2027-01-03T23:00:00.000Z"],
  ])("%s %o in %s → %s", (week, schedule, tz, iso) => {
    expect(sendTimeOf(week, schedule, tz).toISOString()).toBe(iso);
  });
});

describe("dueWeek: the latest week due, once", () => {
  test.each([
    ["before Monday 08:00 Berlin, the week before last is the latest due", "2026-10-26T06:59:59Z", "2026-W42"],
    ["at Monday 08:00 Berlin (07:00 UTC after the change), last week is due", "2026-10-26T07:00:00Z", "2026-W43"],
    ["days later, still last week (one send, not one per missed week)", "2026-10-30T12:00:00Z", "2026-W43"],
    ["weeks later: only the latest week", "2026-12-09T12:00:00Z", "2026-W49"],
  ])("%s", (_name, now, week) => {
    expect(dueWeek(new Date(now), monday8, "Europe/Berlin", LONG_AGO)).toBe(week);
  });
  test("a subscription created after the last send time waits for the next one", () => {
    expect(dueWeek(new Date("2026-10-28T12:00:00Z"), monday8, "Europe/Berlin", new Date("2026-10-27T00:00:00Z"))).toBeNull();
    expect(dueWeek(new Date("2026-11-02T07:00:00Z"), monday8, "Europe/Berlin", new Date("2026-10-27T00:00:00Z"))).toBe("2026-W44");
  });
});

test.each([
  ["2026-11-23T08:00:00Z", "UTC", "2026-W47"],
  ["2026-11-22T23:30:00Z", "UTC", "2026-W46"],
  ["2026-11-22T23:30:00Z", "Europe/Berlin", "2026-W47"],
])("the last full week at %s in %s is %s", (now, tz, week) => {
  expect(lastFullWeek(new Date(now), tz)).toBe(week);
});

test.each([
  [1, 60_000],
  [2, 300_000],
  [4, 7_200_000],
  [5, null],
])("after attempt %i the next try waits %s ms", (attempts, delay) => {
  expect(retryDelayMs(attempts)).toBe(delay);
});
