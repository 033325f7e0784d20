// Time helpers and the fixed dates of the demo's story, all derived from `now` so the demo
// always looks recent.

import { DAY_MS as DAY, HOUR_MS as HOUR, MINUTE_MS as MINUTE } from "@keel/shared/calendar";

export { DAY, HOUR, MINUTE };
export const WINDOW_DAYS = 120;

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function startOfUtcDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

export function isWeekend(ms: number): boolean {
  const day = new Date(ms).getUTCDay();
  return day === 0 || day === 6;
}

/** Monday 00:00 UTC of the week holding `ms` (weeks start Monday, as in the metrics). */
export function mondayOf(ms: number): number {
  const day = startOfUtcDay(ms);
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  return day - weekday * DAY;
}

export interface Span {
  start: number;
  end: number;
}

export interface DemoCalendar {
  now: number;
  /** now - 120 days: nothing happens before it. */
  start: number;
  /** Deployments start a day in so their builds and commits still fall inside the window. */
  firstDeployAt: number;
  /** Random failures stop here, so every incident they cause is resolved before `now`. */
  quietFrom: number;
  /** The last full Monday-to-Monday week before now: the week the Platform team slipped. */
  slipWeek: Span;
  /** The payments webhook test is flaky until this instant, then fixed. */
  flakyFixedAt: number;
  /** The identity password test fails on every attempt in this week. */
  brokenTest: Span;
  /** The CI outage hits the first checkout-web build after this instant. */
  outageAt: number;
  /** 0 at the start of the window, 1 at now: drives the trends. */
  progress(ms: number): number;
}

export function makeCalendar(now: number): DemoCalendar {
  const start = now - WINDOW_DAYS * DAY;
  const thisMonday = mondayOf(now);
  const brokenStart = startOfUtcDay(now - 45 * DAY);
  return {
    now,
    start,
    firstDeployAt: start + DAY,
    quietFrom: now - 3 * DAY,
    slipWeek: { start: thisMonday - 7 * DAY, end: thisMonday },
    flakyFixedAt: now - 60 * DAY,
    brokenTest: { start: brokenStart, end: brokenStart + 7 * DAY },
    outageAt: startOfUtcDay(now - 20 * DAY) + 9 * HOUR,
    progress: (ms) => Math.min(1, Math.max(0, (ms - start) / (now - start))),
  };
}
