// The window a goal's current value is measured over (docs/metrics.md "Goals"): the last 4 full
// weeks (Monday 00:00 in the organisation's time zone) before the week that contains `now`. Whole
// weeks keep the value steady through a week and make hours per week exact. Pure.
import { parseBound } from "./window.ts";
import { DAY_MS, localDate, mondayOf } from "@keel/shared/calendar";

export const GOAL_WINDOW_WEEKS = 4;

/** A local calendar date moved by whole days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** [from, to) as local dates (the metric services read them in the organisation's time zone). */
export function goalWindow(now: Date, timeZone: string): { from: string; to: string } {
  const to = mondayOf(localDate(now, timeZone));
  return { from: addDays(to, -7 * GOAL_WINDOW_WEEKS), to };
}

/** When a goal whose last day is `by` ends: the following local midnight. */
export function goalEnd(by: string, timeZone: string): Date {
  return parseBound(addDays(by, 1), timeZone);
}
