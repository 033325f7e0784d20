import { expect, test } from "vitest";
import { dateLabel, weekLabel } from "./calendar.ts";

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
