// Weekly buckets start Monday 00:00 in the organisation's time zone (product.md). The database
// buckets rows (date_trunc('week', ts AT TIME ZONE tz)); these pure functions list every bucket of
// a window so empty weeks are present, and key buckets by their local date.

const DAY_MS = 86_400_000;

/** The local calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

/** Monday of the week containing a local date, as YYYY-MM-DD. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(day.getTime() - weekday * DAY_MS).toISOString().slice(0, 10);
}

/** Every week bucket (local Monday dates) that overlaps the window [from, to). */
export function weekBuckets(from: Date, to: Date, timeZone: string): string[] {
  if (!(from < to)) return [];
  const first = mondayOf(localDate(from, timeZone));
  // `to` is exclusive: the last instant in the window is just before it.
  const last = mondayOf(localDate(new Date(to.getTime() - 1), timeZone));
  const buckets: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 7 * DAY_MS) {
    buckets.push(new Date(t).toISOString().slice(0, 10));
  }
  return buckets;
}

/** Puts database rows keyed by bucket into every bucket of the window, filling the missing ones. */
export function fillBuckets<T>(buckets: string[], rows: Map<string, T>, empty: (bucket: string) => T): T[] {
  return buckets.map((bucket) => rows.get(bucket) ?? empty(bucket));
}
