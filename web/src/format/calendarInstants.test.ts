import { expect, test } from "vitest";
import { localDate } from "@keel/shared/calendar";
import { formatDateIn, formatDateTimeIn } from "./calendar.ts";

test("an instant reads in the organisation's time zone, not the reader's", () => {
  expect(formatDateTimeIn("2026-11-15T23:30:00Z", "UTC")).toBe("15 Nov 2026, 23:30");
  expect(formatDateTimeIn("2026-11-15T23:30:00Z", "Asia/Tokyo")).toBe("16 Nov 2026, 08:30");
  expect(formatDateIn("2026-11-15T23:30:00Z", "America/New_York")).toBe("15 Nov 2026");
  expect(localDate(new Date("2026-11-15T23:30:00Z"), "Asia/Tokyo")).toBe("2026-11-16");
});
