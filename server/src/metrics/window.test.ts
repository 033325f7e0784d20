import { describe, expect, test } from "vitest";
import { instantOfWallClock, metricWindow, parseBound, wallClockMs } from "./window.ts";

describe("parseBound", () => {
  test.each([
    ["a date in UTC", "2026-11-16", "UTC", "2026-11-16T00:00:00.000Z"],
    ["a date in Tokyo is Tokyo's midnight", "2026-11-16", "Asia/Tokyo", "2026-11-15T15:00:00.000Z"],
    ["a date in Los Angeles (PST)", "2026-11-16", "America/Los_Angeles", "2026-11-16T08:00:00.000Z"],
    ["a date in Los Angeles (PDT)", "2026-07-06", "America/Los_Angeles", "2026-07-06T07:00:00.000Z"],
    ["a local date-time", "2026-11-16T09:30", "Asia/Tokyo", "2026-11-16T00:30:00.000Z"],
    ["a local date-time with seconds and milliseconds", "2026-11-16T09:30:15.250", "Asia/Tokyo", "2026-11-16T00:30:15.250Z"],
    ["Z is that instant", "2026-11-16T00:00:00Z", "Asia/Tokyo", "2026-11-16T00:00:00.000Z"],
    ["an offset is that instant", "2026-11-16T00:00:00+09:00", "UTC", "2026-11-15T15:00:00.000Z"],
    ["a local time in the spring-forward gap moves forward", "2026-03-08T02:30", "America/Los_Angeles", "2026-03-08T10:30:00.000Z"],
    ["a repeated local time is its first occurrence", "2026-11-01T01:30", "America/Los_Angeles", "2026-11-01T08:30:00.000Z"],
  ])("%s", (_name, value, tz, expected) => {
    expect(parseBound(value, tz).toISOString()).toBe(expected);
  });

  test("nonsense is an invalid date", () => {
    expect(Number.isNaN(parseBound("last week", "UTC").getTime())).toBe(true);
  });
});

describe("wall clock", () => {
  test.each([
    ["2026-11-16T00:00:00.000Z", "UTC", "2026-11-16T00:00:00.000Z"],
    ["2026-11-15T15:00:00.000Z", "Asia/Tokyo", "2026-11-16T00:00:00.000Z"],
    ["2026-11-01T09:30:00.500Z", "America/Los_Angeles", "2026-11-01T01:30:00.500Z"],
  ])("%s in %s reads %s, and back", (instant, tz, wall) => {
    expect(new Date(wallClockMs(new Date(instant), tz)).toISOString()).toBe(wall);
    expect(instantOfWallClock(Date.parse(wall), tz).toISOString()).toBe(
      // 01:30 on Nov 1 in LA happens twice; the way back gives the first (PDT).
      tz === "America/Los_Angeles" ? "2026-11-01T08:30:00.500Z" : instant,
    );
  });
});

describe("metricWindow", () => {
  test.each([
    ["two weeks in UTC", "2026-11-16", "2026-11-30", "UTC", "2026-11-02T00:00:00.000Z", 14],
    ["a week in Tokyo", "2026-11-16", "2026-11-23", "Asia/Tokyo", "2026-11-08T15:00:00.000Z", 7],
    // 169 elapsed hours, 7 local days; the previous week is 168 hours.
    ["a week over the end of daylight saving", "2026-10-26", "2026-11-02", "America/Los_Angeles", "2026-10-19T07:00:00.000Z", 7],
    // 167 elapsed hours, 7 local days; the previous period is the week before, in PST.
    ["a week over the start of daylight saving", "2026-03-02", "2026-03-09", "America/Los_Angeles", "2026-02-23T08:00:00.000Z", 7],
    ["half a day", "2026-11-16T00:00:00Z", "2026-11-16T12:00:00Z", "UTC", "2026-11-15T12:00:00.000Z", 0.5],
  ])("%s", (_name, from, to, tz, previousFrom, days) => {
    const w = metricWindow(from, to, tz);
    expect(w.previousFrom.toISOString()).toBe(previousFrom);
    expect(w.days).toBe(days);
  });
});
