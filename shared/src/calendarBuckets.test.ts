import { describe, expect, test } from "vitest";
import { addDays, localDate, mondayOf, weekBuckets } from "./calendar.ts";

describe("localDate", () => {
  test.each([
    ["2026-11-23T00:30:00Z", "UTC", "2026-11-23"],
    ["2026-11-23T00:30:00Z", "America/Los_Angeles", "2026-11-22"],
    ["2026-11-22T23:30:00Z", "Asia/Tokyo", "2026-11-23"],
    ["2026-11-21T23:30:00Z", "UTC", "2026-11-21"],
    ["2026-11-21T23:30:00Z", "Asia/Tokyo", "2026-11-22"],
    ["2026-11-22T03:00:00Z", "America/New_York", "2026-11-21"],
  ])("%s in %s is %s", (instant, tz, expected) => {
    expect(localDate(new Date(instant), tz)).toBe(expected);
  });
});

describe("mondayOf", () => {
  test.each([
    ["2026-11-23", "2026-11-23"], // Monday
    ["2026-11-29", "2026-11-23"], // Sunday
    ["2026-11-22", "2026-11-16"], // Sunday before
    ["2027-01-01", "2026-12-28"], // across a year
    ["2026-11-21", "2026-11-16"], // Saturday
    ["2026-11-16", "2026-11-16"], // the Monday before
  ])("%s -> %s", (date, monday) => expect(mondayOf(date)).toBe(monday));

  test.each(["2026-13-01", "2026-02-30", "2026-00-10", "16/11/2026", "2026-11-16T00:00:00Z"])("%s is not a calendar date", (date) => {
    expect(() => mondayOf(date)).toThrow(/Not a calendar date/);
  });
});

describe("addDays", () => {
  test.each([
    ["2026-11-21", 3, "2026-11-24"],
    ["2026-03-01", -1, "2026-02-28"],
  ])("%s plus %i days is %s", (date, days, later) => expect(addDays(date, days)).toBe(later));

  test("a date that is not in the calendar is an error", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(/Not a calendar date/);
  });
});

describe("weekBuckets", () => {
  test.each([
    ["one exact week", "2026-11-16T00:00:00Z", "2026-11-23T00:00:00Z", "UTC", ["2026-11-16"]],
    ["to is exclusive", "2026-11-16T00:00:00Z", "2026-11-23T00:00:01Z", "UTC", ["2026-11-16", "2026-11-23"]],
    ["partial weeks at both ends", "2026-11-12T00:00:00Z", "2026-11-25T00:00:00Z", "UTC", ["2026-11-09", "2026-11-16", "2026-11-23"]],
    ["empty window", "2026-11-16T00:00:00Z", "2026-11-16T00:00:00Z", "UTC", []],
    // Monday 00:00 in Tokyo is Sunday 15:00 UTC: the window starts in Tokyo's new week.
    ["time zone ahead of UTC", "2026-11-22T15:00:00Z", "2026-11-29T15:00:00Z", "Asia/Tokyo", ["2026-11-23"]],
  ])("%s", (_name, from, to, tz, expected) => {
    expect(weekBuckets(new Date(from), new Date(to), tz)).toEqual(expected);
  });
});
