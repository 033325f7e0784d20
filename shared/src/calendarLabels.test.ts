import { expect, test } from "vitest";
import {
  dateLabel,
  dateRangeLabel,
  formatDateIn,
  formatDateTimeIn,
  formatShortDateIn,
  formatSpanIn,
  isoWeekRangeLabel,
  localDate,
  weekLabel,
} from "./calendar.ts";

test("labels", () => {
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

test("an instant reads in the organisation's time zone, not the reader's", () => {
  expect(formatDateTimeIn("2026-11-15T23:30:00Z", "UTC")).toBe("15 Nov 2026, 23:30");
  expect(formatDateTimeIn("2026-11-15T23:30:00Z", "Asia/Tokyo")).toBe("16 Nov 2026, 08:30");
  expect(formatDateIn("2026-11-15T23:30:00Z", "America/New_York")).toBe("15 Nov 2026");
  expect(localDate(new Date("2026-11-15T23:30:00Z"), "Asia/Tokyo")).toBe("2026-11-16");
});

test.each([
  ["2026-11-16", "16 Nov", "16 Nov 2026"],
  ["2026-09-07", "7 Sep", "7 Sep 2026"],
  ["2027-01-04", "4 Jan", "4 Jan 2027"],
])("%s reads as %s", (date, short, long) => {
  expect(weekLabel(date)).toBe(short);
  expect(dateLabel(date)).toBe(long);
});

test("a value that is not a date is an error, not a wrong label", () => {
  expect(() => weekLabel("16/11/2026")).toThrow(/Not a calendar date/);
  expect(() => weekLabel("2026-13-01")).toThrow(/Not a calendar date/);
});
