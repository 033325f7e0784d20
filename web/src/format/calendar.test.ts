import { expect, test } from "vitest";
import { dateLabel, dateRangeLabel, formatDateIn, formatShortDateIn, formatSpanIn, formatDateTimeIn, isoWeekRangeLabel } from "./calendar.ts";
import { addDays, isIsoWeek, isoWeekDates, isoWeekOf, localDate, mondayOf, recentIsoWeeks, shiftIsoWeek } from "@keel/shared/calendar";

test.each([
  ["2026-11-21T23:30:00Z", "UTC", "2026-11-21"],
  ["2026-11-21T23:30:00Z", "Asia/Tokyo", "2026-11-22"],
  ["2026-11-22T03:00:00Z", "America/New_York", "2026-11-21"],
])("%s in %s is %s", (instant, zone, date) => {
  expect(localDate(new Date(instant), zone)).toBe(date);
});

test("adding days and finding Mondays", () => {
  expect(addDays("2026-11-21", 3)).toBe("2026-11-24");
  expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  expect(mondayOf("2026-11-21")).toBe("2026-11-16");
  expect(mondayOf("2026-11-16")).toBe("2026-11-16");
  expect(mondayOf("2026-11-22")).toBe("2026-11-16");
  expect(mondayOf("2027-01-01")).toBe("2026-12-28");
  expect(() => addDays("2026-02-30", 1)).toThrow(/Not a calendar date/);
});

test.each([
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

test("week arithmetic and validity", () => {
  expect(isoWeekDates("2026-W46")).toEqual({ monday: "2026-11-09", nextMonday: "2026-11-16" });
  expect(shiftIsoWeek("2026-W47", -1)).toBe("2026-W46");
  expect(shiftIsoWeek("2026-W53", 1)).toBe("2027-W01");
  expect(shiftIsoWeek("2026-W01", -1)).toBe("2025-W52");
  expect(recentIsoWeeks("2026-W02", 3)).toEqual(["2026-W02", "2026-W01", "2025-W52"]);
  expect(isIsoWeek("2026-W53")).toBe(true);
  expect(isIsoWeek("2025-W53")).toBe(false);
  expect(isIsoWeek("2026-W00")).toBe(false);
  expect(isIsoWeek("2026-47")).toBe(false);
});

test("labels", () => {
  expect(dateLabel("2026-09-07")).toBe("7 Sep 2026");
  expect(isoWeekRangeLabel("2026-W46")).toBe("9–15 Nov 2026");
  expect(dateRangeLabel("2026-11-30", "2026-12-06")).toBe("30 Nov – 6 Dec 2026");
  expect(dateRangeLabel("2026-12-28", "2027-01-03")).toBe("28 Dec 2026 – 3 Jan 2027");
  expect(formatDateIn("2026-09-22T23:52:28Z", "UTC")).toBe("22 Sep 2026");
  expect(formatDateIn("2026-09-22T23:52:28Z", "Europe/Berlin")).toBe("23 Sep 2026");
  expect(formatDateTimeIn("2026-11-09T16:36:30Z", "UTC")).toBe("9 Nov 2026, 16:36");
  expect(formatShortDateIn("2026-07-29T10:00:00Z", "UTC", 2026)).toBe("29 Jul");
  expect(formatSpanIn("2026-11-09T16:36:30Z", "2026-11-09T17:27:26Z", "UTC")).toBe("9 Nov 2026, 16:36 – 17:27");
  expect(formatSpanIn("2026-11-09T16:36:30Z", "2026-11-10T02:10:00Z", "UTC")).toBe("9 Nov 2026, 16:36 – 10 Nov 2026, 02:10");
  expect(formatSpanIn("2026-11-09T16:36:30Z", null, "UTC")).toBe("9 Nov 2026, 16:36 – open");
  expect(formatShortDateIn("2025-12-31T23:30:00Z", "UTC", 2026)).toBe("31 Dec 2025");
  expect(formatShortDateIn("2025-12-31T23:30:00Z", "Europe/Berlin", 2026)).toBe("1 Jan");
});
