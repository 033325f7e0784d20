// The dashboard's filters live in the URL so any view can be bookmarked and shared: the period
// (weeks), team, service and environment, plus each page's own. This reads and writes them.
//
// The limits of the shared schemas (MetricFilters, DeploymentListQuery, ...) are checked by hand:
// importing zod at runtime would add about 25 kB gzipped to the Overview's first load. The server
// validates anyway; urlFilters.test.ts keeps the two in agreement.
import type { MetricFiltersInput } from "@keel/shared";
import { DAY_MS, localDate } from "@keel/shared/calendar";

export const WEEK_CHOICES = [4, 12, 26] as const;
export type WeekChoice = (typeof WEEK_CHOICES)[number];
/**
 * Four weeks by default: recent enough to read as "lately", and the period it is compared with
 * (the four weeks before) is usually covered by data (web/README.md "Overview window").
 */
export const DEFAULT_WEEKS: WeekChoice = 4;
export const DEFAULT_ENVIRONMENT = "production";

export interface ScopeFilters {
  weeks: WeekChoice;
  team?: string;
  service?: string;
  /** Absent: production (the API's default). */
  environment?: string;
}

const NAME_MAX_LENGTH = 200;
const ID_MAX_LENGTH = 256;

/** A team, service or environment name as the server accepts it, or undefined. */
export function readName(value: string | null): string | undefined {
  const name = value?.trim();
  return name && name.length <= NAME_MAX_LENGTH ? name : undefined;
}

/** An event id (deployment, incident) as the server accepts it, or undefined. */
export function readId(value: string | null): string | undefined {
  const id = value?.trim();
  return id && id.length <= ID_MAX_LENGTH ? id : undefined;
}

/** A week count from a form or URL value; anything else gives the default. */
export function toWeekChoice(value: string | null): WeekChoice {
  const n = Number(value);
  return (WEEK_CHOICES as readonly number[]).includes(n) ? (n as WeekChoice) : DEFAULT_WEEKS;
}

/** One of `values`, or undefined. */
export function readChoice<T extends string>(value: string | null, values: readonly T[]): T | undefined {
  return values.find((v) => v === value);
}

/** A 1-based page number; anything else is page 1. */
export function readPage(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** Period, team, service and environment from the URL; anything missing or invalid falls back to its default. */
export function readScope(params: URLSearchParams): ScopeFilters {
  const filters: ScopeFilters = { weeks: toWeekChoice(params.get("weeks")) };
  const team = readName(params.get("team"));
  const service = readName(params.get("service"));
  const environment = readName(params.get("environment"));
  if (team) filters.team = team;
  if (service) filters.service = service;
  if (environment && environment !== DEFAULT_ENVIRONMENT) filters.environment = environment;
  return filters;
}

/** Sets or removes URL parameters; undefined, empty and default values are left out. */
export function writeParams(
  current: URLSearchParams,
  values: Record<string, string | number | undefined>,
  defaults: Record<string, string | number> = {},
): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, raw] of Object.entries(values)) {
    const value = typeof raw === "string" ? raw.trim() : raw;
    if (value === undefined || value === "" || value === defaults[key]) next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

/** The URL for these scope filters, keeping unrelated parameters; defaults are left out. */
export function writeScope(current: URLSearchParams, filters: ScopeFilters): URLSearchParams {
  return writeParams(
    current,
    { weeks: filters.weeks, team: filters.team, service: filters.service, environment: filters.environment },
    { weeks: DEFAULT_WEEKS, environment: DEFAULT_ENVIRONMENT },
  );
}

/** The scope as a query string for a link to another page ("weeks=4&team=payments"), without page-specific parameters. */
export function scopeQuery(filters: ScopeFilters, extra: Record<string, string | undefined> = {}): string {
  const query = writeParams(writeScope(new URLSearchParams(), filters), extra).toString();
  return query ? `?${query}` : "";
}

/**
 * The window for a period: from Monday 00:00 of the current week, `weeks` weeks back, in the
 * organisation's time zone (a date, which the server reads in that zone), to now (an instant,
 * rounded down to the minute so that a page shown twice in a minute asks the same question).
 * Ending at now, not at the end of the week, keeps the comparison with the previous period fair:
 * both have the same length and both have happened.
 */
export function periodWindow(weeks: number, now: Date, timeZone: string): { from: string; to: string } {
  const today = localDate(now, timeZone);
  const day = Date.parse(`${today}T00:00:00Z`);
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0
  const from = new Date(day - (weekday + weeks * 7) * DAY_MS).toISOString().slice(0, 10);
  const to = new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString();
  return { from, to };
}

/** The metric filters of the API for a scope and its window: only the filters set. */
export function scopeInput(filters: ScopeFilters, window: { from: string; to: string }): MetricFiltersInput {
  const input: MetricFiltersInput = { ...window };
  if (filters.team) input.team = filters.team;
  if (filters.service) input.service = filters.service;
  if (filters.environment) input.environment = filters.environment;
  return input;
}
