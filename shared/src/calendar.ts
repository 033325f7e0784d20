// Calendar dates (YYYY-MM-DD) and ISO weeks (2026-W47) as the organisation's time zone sees them,
// and dates and instants as words ("9 Nov 2026, 16:36"), in one place for the server, the report
// and the web app (`@keel/shared/calendar`, no zod).
// Weeks start on Monday; week 1 of a year is the week holding 4 January (ISO 8601). Dates are
// handled as their parts (UTC arithmetic on midnight), so no machine's own time zone shifts a day.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

// Intl formatters are slow to make: one per time zone, made once.
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The date and time on the wall clocks of a time zone at an instant, to the minute. */
function wallClock(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  let f = wallClocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric" });
    wallClocks.set(timeZone, f);
  }
  const parts = f.formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

/** The calendar date of an instant in a time zone: (2026-11-21T23:30Z, "Asia/Tokyo") → "2026-11-22". */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClock(instant, timeZone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Midnight UTC of a calendar date, in milliseconds; throws on a date that does not exist. */
export function dateMs(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  const real = m !== null && !Number.isNaN(ms) && new Date(ms).getUTCMonth() === Number(m[2]) - 1 && new Date(ms).getUTCDate() === Number(m[3]);
  if (!real) throw new Error(`Not a calendar date: ${date}`);
  return ms;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** "2026-11-21" + 3 → "2026-11-24" */
export function addDays(date: string, days: number): string {
  return isoDate(dateMs(date) + days * DAY_MS);
}

/** The Monday of the week holding a date. */
export function mondayOf(date: string): string {
  const ms = dateMs(date);
  return isoDate(ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS);
}

const ISO_WEEK = /^(\d{4})-W(\d{2})$/;

/** Whether a string is an ISO week that exists: "2026-W53" does, "2025-W53" does not. */
export function isIsoWeek(value: string): boolean {
  const m = ISO_WEEK.exec(value);
  if (!m) return false;
  const week = Number(m[2]);
  if (week < 1 || week > 53) return false;
  return week < 53 || isoWeekOf(isoWeekDates(value).monday) === value;
}

/** The ISO week holding a date: "2026-11-21" → "2026-W47". */
export function isoWeekOf(date: string): string {
  const ms = dateMs(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  // The week's Thursday decides its year.
  const thursday = new Date(ms + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${pad(year, 4)}-W${pad(week)}`;
}

/** The Monday of an ISO week and the Monday after it (the week is [monday, nextMonday)). */
export function isoWeekDates(week: string): { monday: string; nextMonday: string } {
  const m = ISO_WEEK.exec(week);
  if (!m) throw new Error(`Not an ISO week: ${week}`);
  const year = Number(m[1]);
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (Number(m[2]) - 1) * WEEK_MS;
  return { monday: isoDate(monday), nextMonday: isoDate(monday + WEEK_MS) };
}

/** The ISO week `weeks` weeks after (or before, when negative) the given one. */
export function shiftIsoWeek(week: string, weeks: number): string {
  return isoWeekOf(addDays(isoWeekDates(week).monday, weeks * 7));
}

/** The ISO week before the given one. */
export function previousIsoWeek(week: string): string {
  return shiftIsoWeek(week, -1);
}

/** The `count` weeks up to and including `latest`, newest first. */
export function recentIsoWeeks(latest: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftIsoWeek(latest, -i));
}

/** Every week (its local Monday) that overlaps the window [from, to) in a time zone, oldest first. */
export function weekBuckets(from: Date, to: Date, timeZone: string): string[] {
  if (!(from < to)) return [];
  const first = mondayOf(localDate(from, timeZone));
  // `to` is exclusive: the last instant in the window is just before it.
  const last = mondayOf(localDate(new Date(to.getTime() - 1), timeZone));
  const buckets: string[] = [];
  for (let week = first; week <= last; week = addDays(week, 7)) buckets.push(week);
  return buckets;
}

// Dates as words. Month names are spelled out because Intl's en-GB short month for September
// varies between ICU versions ("Sep" or "Sept").
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

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

// Instants as words, in the organisation's time zone (an API answers instants as ISO strings).

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
