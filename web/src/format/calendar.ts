// Dates and instants as words, in the organisation's time zone ("9 Nov 2026, 16:36"). The calendar
// itself (local dates, Mondays, ISO weeks) is @keel/shared/calendar, shared with the server.
import { addDays, dateLabel, dateRangeLabel, isoWeekDates, localDate } from "@keel/shared/calendar";

export { dateLabel, dateRangeLabel, weekLabel } from "@keel/shared/calendar";

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "numeric", minute: "numeric" });
    dateFormatters.set(timeZone, f);
  }
  return f;
}

function clockTime(instant: Date, timeZone: string): { hour: number; minute: number } {
  const parts = partsFormatter(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return { hour: get("hour"), minute: get("minute") };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** An instant as a date in a time zone: "20 Nov 2026". */
export function formatDateIn(iso: string, timeZone: string): string {
  return dateLabel(localDate(new Date(iso), timeZone));
}

/** An instant as a short date in a time zone, the year left out when it is `year`: "20 Nov". */
export function formatShortDateIn(iso: string, timeZone: string, year: number): string {
  const date = localDate(new Date(iso), timeZone);
  const label = dateLabel(date);
  return date.startsWith(`${year}-`) ? label.slice(0, label.lastIndexOf(" ")) : label;
}

/** An instant as date and time in a time zone: "20 Nov 2026, 14:05". */
export function formatDateTimeIn(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  const { hour, minute } = clockTime(instant, timeZone);
  return `${dateLabel(localDate(instant, timeZone))}, ${pad(hour)}:${pad(minute)}`;
}

/**
 * Two instants as one span in a time zone, the day said once when both fall on it:
 * "9 Nov 2026, 16:36 – 17:27", "9 Nov 2026, 16:36 – 10 Nov 2026, 02:10", "9 Nov 2026, 16:36 – open".
 */
export function formatSpanIn(startIso: string, endIso: string | null, timeZone: string): string {
  const start = formatDateTimeIn(startIso, timeZone);
  if (endIso === null) return `${start} – open`;
  const end = formatDateTimeIn(endIso, timeZone);
  const sameDay = localDate(new Date(startIso), timeZone) === localDate(new Date(endIso), timeZone);
  return `${start} – ${sameDay ? end.slice(end.lastIndexOf(" ") + 1) : end}`;
}

/** "2026-W46" → "9–15 Nov 2026" */
export function isoWeekRangeLabel(week: string): string {
  const { monday, nextMonday } = isoWeekDates(week);
  return dateRangeLabel(monday, addDays(nextMonday, -1));
}
