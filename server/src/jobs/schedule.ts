// When a subscription's weekly report goes out (pure; docs/digest.md "Scheduler"). The report of
// ISO week W is sent in week W+1, on the subscription's weekday at its time on the organisation's
// wall clock: "monday 08:00" in Europe/Berlin is 07:00 UTC in summer and 08:00 UTC in winter. A
// time that does not exist that day (the spring-forward gap) is sent when the clock reaches it
// after the change; a repeated time (fall back) at its first occurrence.
import { WEEKDAYS, type Weekday } from "@keel/shared";
import { instantOfWallClock } from "../metrics/window.ts";
import { DAY_MS, HOUR_MS, isoWeekDates, isoWeekOf, localDate, MINUTE_MS, mondayOf, previousIsoWeek } from "@keel/shared/calendar";

export interface WeeklySchedule {
  weekday: string;
  time: string;
}

/** The instant the report of `week` is due: the next week's weekday at the time, local. */
export function sendTimeOf(week: string, schedule: WeeklySchedule, timeZone: string): Date {
  const { nextMonday } = isoWeekDates(week);
  const day = Math.max(0, WEEKDAYS.indexOf(schedule.weekday as Weekday));
  const [h, m] = schedule.time.split(":").map(Number) as [number, number];
  const wall = Date.parse(`${nextMonday}T00:00:00Z`) + day * DAY_MS + (h * 60 + m) * MINUTE_MS;
  return instantOfWallClock(wall, timeZone);
}

/**
 * The report week whose send is the latest one due at `now`, or null when none is due since
 * `since` (the subscription's creation: a new subscription does not send last week's report
 * at once; "send now" does). Only the latest: after downtime, one send, not one per missed week.
 */
export function dueWeek(now: Date, schedule: WeeklySchedule, timeZone: string, since: Date): string | null {
  const current = isoWeekOf(mondayOf(localDate(now, timeZone)));
  for (const week of [previousIsoWeek(current), previousIsoWeek(previousIsoWeek(current))]) {
    const at = sendTimeOf(week, schedule, timeZone);
    if (at.getTime() <= now.getTime()) return at.getTime() >= since.getTime() ? week : null;
  }
  return null;
}

/** The last full ISO week at `now`, in the organisation's time zone: what "send now" reports. */
export function lastFullWeek(now: Date, timeZone: string): string {
  return previousIsoWeek(isoWeekOf(mondayOf(localDate(now, timeZone))));
}

/** Retry backoff after failed attempt n (1-based): 1, 5, 30 minutes, 2 h; then the delivery fails. */
export const RETRY_DELAYS_MS = [MINUTE_MS, 5 * MINUTE_MS, 30 * MINUTE_MS, 2 * HOUR_MS];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

export function retryDelayMs(attempts: number): number | null {
  return attempts < MAX_ATTEMPTS ? (RETRY_DELAYS_MS[attempts - 1] ?? null) : null;
}
