// The web app's period model, read and written here only. A view shows one of two kinds of period,
// both kept in the URL's `weeks` parameter (the kind's default is left out):
// - recent (Overview, Deployments, Incidents): the last 4, 12 or 26 weeks and the current week so
//   far, ending now; four weeks by default, recent enough to read as "lately", and the period it
//   is compared with is usually covered by data (web/README.md "Overview window").
// - whole (Executive, Flaky tests, Investment): 4, 13, 26 or 52 whole weeks ending before the
//   current one, since money and hours are compared week by week; 13 by default.
import { addDays, localDate, mondayOf } from "@keel/shared/calendar";

export const PERIODS = {
  recent: { choices: [4, 12, 26], fallback: 4, option: (weeks: number) => `Last ${weeks} weeks` },
  whole: { choices: [4, 13, 26, 52], fallback: 13, option: (weeks: number) => `${weeks} full weeks` },
} as const;

export type PeriodKind = keyof typeof PERIODS;
export type PeriodWeeks<K extends PeriodKind> = (typeof PERIODS)[K]["choices"][number];

/** A week count from a form or URL value; anything else gives the kind's default. */
export function readWeeks<K extends PeriodKind>(kind: K, value: string | null): PeriodWeeks<K> {
  const { choices, fallback } = PERIODS[kind];
  const n = Number(value);
  return (choices as readonly number[]).includes(n) ? (n as PeriodWeeks<K>) : fallback;
}

/**
 * A recent period's window: from Monday 00:00 of the current week, `weeks` weeks back, in the
 * organisation's time zone (a date, which the server reads in that zone), to now (an instant,
 * rounded down to the minute so that a page shown twice in a minute asks the same question).
 * Ending at now, not at the end of the week, keeps the comparison with the previous period fair:
 * both have the same length and both have happened.
 */
export function recentWindow(weeks: number, now: Date, timeZone: string): { from: string; to: string } {
  const from = addDays(mondayOf(localDate(now, timeZone)), -7 * weeks);
  const to = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  return { from, to };
}

export interface WholeWeeksWindow {
  /** First day (a Monday), as the organisation's local date. */
  from: string;
  /** The day after the last one (the Monday of the current week): the window is [from, to). */
  to: string;
  /** The Monday of the last whole week in the window ("last week"). */
  lastWeek: string;
}

/**
 * The `weeks` whole weeks before the current one, as local dates: a week still in progress would
 * read as an improvement. The server reads dates without an offset as midnight in the
 * organisation's time zone.
 */
export function wholeWeeksWindow(weeks: number, today: string): WholeWeeksWindow {
  const to = mondayOf(today);
  return { from: addDays(to, -7 * weeks), to, lastWeek: addDays(to, -7) };
}
