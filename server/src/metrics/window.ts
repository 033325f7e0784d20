import { DAY_MS } from "@keel/shared/calendar";
// The metric window [from, to) and its previous period, in the organisation's time zone
// (product.md "Metric definitions"). A date ("2026-11-16") or a date-time without an offset means
// that wall-clock time in the organisation's zone; a date-time with an offset is that instant.
// Lengths are measured in local wall-clock time, so a window over a daylight-saving change still
// has whole days, and the previous period has the same number of local days.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock time of an instant, as milliseconds of a UTC date with the same fields. */
export function wallClockMs(instant: Date, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const ms = instant.getTime() - Math.floor(instant.getTime() / 1000) * 1000;
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"), ms);
}

/**
 * The instant at which the wall clock of `timeZone` shows `wallMs`. In a daylight-saving gap
 * (a time that never happens) the clock is read with the offset in force before the gap, which
 * lands after it; an ambiguous time (the repeated hour) is its first occurrence.
 */
export function instantOfWallClock(wallMs: number, timeZone: string): Date {
  const offsetAt = (t: number) => wallClockMs(new Date(t), timeZone) - t;
  // Try both offsets in force around the time; keep the earliest that shows the right clock.
  const candidates = [...new Set([offsetAt(wallMs - DAY_MS), offsetAt(wallMs + DAY_MS)])]
    .map((offset) => wallMs - offset)
    .filter((t) => wallClockMs(new Date(t), timeZone) === wallMs)
    .sort((a, b) => a - b);
  return new Date(candidates[0] ?? wallMs - offsetAt(wallMs - DAY_MS));
}

/** A window bound as given in the API (ISO date or date-time), as an instant. */
export function parseBound(value: string, timeZone: string): Date {
  // An explicit offset (Z, +09:00, -0800) names the instant itself.
  if (/T.*(Z|[+-]\d{2}(:?\d{2})?)$/i.test(value)) return new Date(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/.exec(value);
  if (!m) return new Date(Number.NaN);
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "0"] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, "0")));
  return instantOfWallClock(wall, timeZone);
}

export interface MetricWindow {
  from: Date;
  to: Date;
  /** The same-length window immediately before: [previousFrom, from). */
  previousFrom: Date;
  /** Length in local days (fractional for windows that do not start and end at the same clock time). */
  days: number;
}

/** Resolves the API's `from`/`to` into instants, the previous period and the length in days. */
export function metricWindow(fromValue: string, toValue: string, timeZone: string): MetricWindow {
  const from = parseBound(fromValue, timeZone);
  const to = parseBound(toValue, timeZone);
  const wallFrom = wallClockMs(from, timeZone);
  const lengthMs = wallClockMs(to, timeZone) - wallFrom;
  return { from, to, previousFrom: instantOfWallClock(wallFrom - lengthMs, timeZone), days: lengthMs / DAY_MS };
}
