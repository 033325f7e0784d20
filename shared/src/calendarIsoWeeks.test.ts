import { describe, expect, test } from "vitest";
import { isIsoWeek, isoWeekDates, isoWeekOf, previousIsoWeek, recentIsoWeeks, shiftIsoWeek } from "./calendar.ts";

describe("ISO weeks", () => {
  test.each([
    // 2026-01-01 is a Thursday: week 1 starts Monday 2025-12-29.
    ["2026-W01", "2025-12-29", "2026-01-05"],
    ["2026-W47", "2026-11-16", "2026-11-23"],
    ["2026-W46", "2026-11-09", "2026-11-16"],
    ["2026-W53", "2026-12-28", "2027-01-04"],
    // 2021-01-01 is a Friday: week 1 starts Monday 2021-01-04.
    ["2021-W01", "2021-01-04", "2021-01-11"],
    ["2020-W53", "2020-12-28", "2021-01-04"],
  ])("%s runs from %s to %s", (week, monday, nextMonday) => {
    expect(isoWeekDates(week)).toEqual({ monday, nextMonday });
    expect(isoWeekOf(monday)).toBe(week);
  });

  test.each([
    ["2026-11-22", "2026-W47"], // a Sunday belongs to the week before the next Monday
    ["2027-01-03", "2026-W53"],
    ["2021-01-03", "2020-W53"],
    ["2019-12-30", "2020-W01"],
    ["2026-11-21", "2026-W47"],
    ["2026-11-16", "2026-W47"],
    ["2026-11-15", "2026-W46"],
    // 1 Jan 2027 is a Friday: it belongs to 2026's week 53.
    ["2027-01-01", "2026-W53"],
    ["2027-01-04", "2027-W01"],
    // 29 Dec 2025 is a Monday: week 1 of 2026.
    ["2025-12-29", "2026-W01"],
  ])("%s is in %s", (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
    const { monday, nextMonday } = isoWeekDates(week);
    expect(monday <= date && date < nextMonday).toBe(true);
  });

  test.each([
    ["2026-W47", "2026-W46"],
    ["2021-W01", "2020-W53"],
    ["2026-W01", "2025-W52"],
  ])("the week before %s is %s", (week, previous) => {
    expect(previousIsoWeek(week)).toBe(previous);
    expect(shiftIsoWeek(week, -1)).toBe(previous);
  });

  test("the week after 2026-W53 is 2027-W01", () => {
    expect(shiftIsoWeek("2026-W53", 1)).toBe("2027-W01");
  });

  test("the recent weeks, newest first, across a year", () => {
    expect(recentIsoWeeks("2026-W02", 3)).toEqual(["2026-W02", "2026-W01", "2025-W52"]);
  });

  test.each([
    ["2026-W53", true],
    ["2025-W53", false],
    ["2026-W00", false],
    ["2026-47", false],
  ])("%s is an ISO week: %s", (value, valid) => {
    expect(isIsoWeek(value)).toBe(valid);
  });
});
