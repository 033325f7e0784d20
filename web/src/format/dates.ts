// Instants shown in the organisation's time zone (the one its weeks start in), so a deployment's
// time and the week it is counted in agree whatever the reader's own zone.
import { weekLabelWithYear } from "./weeks.ts";

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

function parts(iso: string, timeZone: string) {
  const f = formatter(timeZone, { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const get = (type: string) => f.formatToParts(new Date(iso)).find((p) => p.type === type)?.value ?? "";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** The local calendar date of an instant: "2026-11-21". */
export function localDateOf(iso: string, timeZone: string): string {
  return parts(iso, timeZone).date;
}

/** "21 Nov 2026, 14:05" in the time zone. */
export function formatDateTime(iso: string, timeZone: string): string {
  const { date, time } = parts(iso, timeZone);
  return `${weekLabelWithYear(date)}, ${time}`;
}

/** "21 Nov 2026" in the time zone. */
export function formatDate(iso: string, timeZone: string): string {
  return weekLabelWithYear(localDateOf(iso, timeZone));
}
