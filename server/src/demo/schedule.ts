// When a service deploys: slot times from its cadence (several a day, weekly, now and then).
import { type DemoCalendar, DAY, HOUR, MINUTE, isWeekend, mondayOf, startOfUtcDay } from "./calendar.ts";
import type { Cadence } from "./catalog.ts";
import type { Random } from "./random.ts";

/**
 * Events at an expected rate with little variance in the total: each call adds `expected`
 * events' worth of time and returns how many events fell in it; the gaps between events are
 * drawn uniformly around 1. Keeps the trends of the story visible for any seed.
 */
export class Renewal {
  private elapsed = 0;
  private next: number;

  constructor(
    private readonly rng: Random,
    private readonly minGap: number,
    private readonly maxGap: number,
  ) {
    this.next = rng.float(0, maxGap);
  }

  advance(expected: number): number {
    this.elapsed += expected;
    let count = 0;
    while (this.next < this.elapsed) {
      count += 1;
      this.next += this.rng.float(this.minGap, this.maxGap);
    }
    return count;
  }
}

export function slotTimes(rng: Random, cal: DemoCalendar, cadence: Cadence): number[] {
  const times: number[] = [];
  const firstDay = startOfUtcDay(cal.firstDeployAt);
  if (cadence.kind === "daily") {
    // A renewal process rather than independent daily draws: days still vary (0 to several
    // deploys), but the 120-day total stays close to the cadence whatever the seed.
    const arrivals = new Renewal(rng, 0.3, 1.7);
    for (let day = firstDay; day < cal.now; day += DAY) {
      const count = arrivals.advance(isWeekend(day) ? cadence.weekend : cadence.weekday);
      for (let index = 0; index < count; index += 1) times.push(day + rng.float(8, 18.5) * HOUR);
    }
  } else if (cadence.kind === "weekly") {
    // `weekday` is JavaScript's (0 = Sunday); weeks start on Monday.
    const offset = (cadence.weekday + 6) % 7;
    for (let monday = mondayOf(firstDay); monday < cal.now; monday += 7 * DAY) {
      if (rng.chance(0.06)) continue;
      const jitter = rng.chance(0.15) ? rng.pick([-1, 1]) : 0;
      times.push(monday + (offset + jitter) * DAY + rng.float(10, 16) * HOUR);
    }
  } else {
    for (let day = firstDay + rng.int(3, 12) * DAY; day < cal.now; day += rng.int(cadence.minDays, cadence.maxDays) * DAY) {
      let workday = day;
      while (isWeekend(workday)) workday += DAY;
      times.push(workday + rng.float(10, 16) * HOUR);
    }
  }
  times.sort((a, b) => a - b);
  const kept: number[] = [];
  for (const time of times) {
    const previous = kept.at(-1);
    if (time < cal.firstDeployAt || time > cal.now - 2 * HOUR) continue;
    if (previous !== undefined && time - previous < 25 * MINUTE) continue;
    kept.push(time);
  }
  return kept;
}
