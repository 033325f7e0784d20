// Dates and instants as words, in the organisation's time zone ("9 Nov 2026, 16:36"). The calendar
// itself (local dates, Mondays, ISO weeks) is @keel/shared/calendar, shared with the server.
// Month names are spelled out because Intl's en-GB short month for September varies between ICU
// versions ("Sep" or "Sept").
import { addDays, dateMs, isoWeekDates, localDate } from "@keel/shared/calendar";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = dateFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
    dateFormatters.set(timeZone, f);
  }
  return f;
}

function wallClock(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = partsFormatter(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A week bucket (its Monday) on a chart axis: "2026-11-16" → "16 Nov" */
export function weekLabel(date: string): string {
  const d = new Date(dateMs(date));
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** "2026-11-21" → "21 Nov 2026" */
export function dateLabel(date: string): string {
  const ms = dateMs(date);
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

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
  const { hour, minute } = wallClock(instant, timeZone);
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

/** Two dates as one span, saying month and year once when they are shared: "9–15 Nov 2026". */
export function dateRangeLabel(first: string, last: string): string {
  const a = new Date(dateMs(first));
  const b = new Date(dateMs(last));
  const [ay, am, ad] = [a.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate()];
  const [by, bm, bd] = [b.getUTCFullYear(), b.getUTCMonth(), b.getUTCDate()];
  if (ay !== by) return `${dateLabel(first)} – ${dateLabel(last)}`;
  if (am !== bm) return `${ad} ${MONTHS[am]} – ${bd} ${MONTHS[bm]} ${by}`;
  return `${ad}–${bd} ${MONTHS[bm]} ${by}`;
}

/** "2026-W46" → "9–15 Nov 2026" */
export function isoWeekRangeLabel(week: string): string {
  const { monday, nextMonday } = isoWeekDates(week);
  return dateRangeLabel(monday, addDays(nextMonday, -1));
}
