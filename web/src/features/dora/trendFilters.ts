// The Overview's filters live in the URL so a view can be bookmarked and shared. This reads and
// writes them.
import type { MetricFiltersInput } from "@keel/shared";

export const WEEK_CHOICES = [4, 12, 26] as const;
export type WeekChoice = (typeof WEEK_CHOICES)[number];
export const DEFAULT_WEEKS: WeekChoice = 12;

export interface TrendFilters {
  weeks: WeekChoice;
  team?: string;
  service?: string;
}

const DAY_MS = 86_400_000;

function isWeekChoice(n: number): n is WeekChoice {
  return (WEEK_CHOICES as readonly number[]).includes(n);
}

// The limits of MetricFilters' team and service (@keel/shared), checked by hand: importing the
// schema at runtime would add zod, about 25 kB gzipped, to the Overview's first load. The server
// still validates with the schema; trendFilters.test.ts keeps the two in agreement.
const NAME_MAX_LENGTH = 200;

/** A team or service name as the server accepts it, or undefined. */
export function readName(value: string | null): string | undefined {
  const name = value?.trim();
  return name && name.length <= NAME_MAX_LENGTH ? name : undefined;
}

/** A week count from a form or URL value; anything else gives the default. */
export function toWeekChoice(value: string | null): WeekChoice {
  const n = Number(value);
  return isWeekChoice(n) ? n : DEFAULT_WEEKS;
}

/** Filters from the URL; anything missing or invalid falls back to its default. */
export function readTrendFilters(params: URLSearchParams): TrendFilters {
  const filters: TrendFilters = { weeks: toWeekChoice(params.get("weeks")) };
  const team = readName(params.get("team"));
  const service = readName(params.get("service"));
  if (team) filters.team = team;
  if (service) filters.service = service;
  return filters;
}

/** The URL for these filters, keeping unrelated parameters; defaults are left out. */
export function writeTrendFilters(current: URLSearchParams, filters: TrendFilters): URLSearchParams {
  const next = new URLSearchParams(current);
  if (filters.weeks === DEFAULT_WEEKS) next.delete("weeks");
  else next.set("weeks", String(filters.weeks));
  for (const key of ["team", "service"] as const) {
    const value = filters[key]?.trim();
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/**
 * The window [Monday of the current week − weeks·7 days, Monday of next week) in UTC: the
 * chosen number of whole weeks plus the current week so far.
 */
export function trendWindow(weeks: number, now: Date): { from: string; to: string } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = today - ((now.getUTCDay() + 6) % 7) * DAY_MS;
  return {
    from: new Date(monday - weeks * 7 * DAY_MS).toISOString(),
    to: new Date(monday + 7 * DAY_MS).toISOString(),
  };
}

/** What `deployments.trend` is asked for. Stable within a week, so it makes a stable query key. */
export function trendQueryInput(filters: TrendFilters, now: Date): MetricFiltersInput {
  const input: MetricFiltersInput = trendWindow(filters.weeks, now);
  if (filters.team) input.team = filters.team;
  if (filters.service) input.service = filters.service;
  return input;
}
