// ISO 8601 weeks (2026-W47): weeks start on Monday and week 1 is the week holding 4 January. The
// weekly report names its week this way; the week's days are the organisation's local days.

const DAY_MS = 86_400_000;

/** The Monday (YYYY-MM-DD) of an ISO week, and the Monday after it. Expects a valid "YYYY-Www". */
export function isoWeekDates(week: string): { monday: string; nextMonday: string } {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  const year = Number(m[1]);
  const n = Number(m[2]);
  const jan4 = Date.UTC(year, 0, 4);
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  const monday = jan4 - jan4Weekday * DAY_MS + (n - 1) * 7 * DAY_MS;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { monday: iso(monday), nextMonday: iso(monday + 7 * DAY_MS) };
}

/** The ISO week ("2026-W47") holding a calendar date (YYYY-MM-DD). */
export function isoWeekOf(date: string): string {
  const day = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  // The week's Thursday decides its year.
  const thursday = new Date(day + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The ISO week before the given one. */
export function previousIsoWeek(week: string): string {
  const { monday } = isoWeekDates(week);
  return isoWeekOf(new Date(Date.parse(`${monday}T00:00:00Z`) - 7 * DAY_MS).toISOString().slice(0, 10));
}
