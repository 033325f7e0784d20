// The dashboard's filters live in the URL so any view can be bookmarked and shared: the period
// (weeks, a recent period: ./period.ts), team, service and environment, plus each page's own. This
// reads and writes them.
//
// The limits of the shared schemas (MetricFilters, DeploymentListQuery, ...) are checked by hand:
// importing zod at runtime would add about 25 kB gzipped to the Overview's first load. The server
// validates anyway; urlFilters.test.ts keeps the two in agreement.
import type { MetricFiltersInput } from "@keel/shared";
import { DEFAULT_ENVIRONMENT, SCOPE_FILTERS, type ScopeFilterName } from "@keel/shared/scopeFilters";
import { PERIODS, readWeeks, type PeriodWeeks } from "./period.ts";

export { recentWindow as periodWindow } from "./period.ts";

/** The period and every scope filter of the shared schema (SCOPE_FILTERS); environment absent means production (the API's default). */
export type ScopeFilters = { weeks: PeriodWeeks<"recent"> } & { [K in ScopeFilterName]?: string };

const NAME_MAX_LENGTH = 200;
const ID_MAX_LENGTH = 256;

/** The scope filters' values the URL leaves out because the API reads them when absent. */
const SCOPE_DEFAULTS: Partial<Record<ScopeFilterName, string>> = { environment: DEFAULT_ENVIRONMENT };

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
  const filters: ScopeFilters = { weeks: readWeeks("recent", params.get("weeks")) };
  for (const name of SCOPE_FILTERS) {
    const value = readName(params.get(name));
    if (value && value !== SCOPE_DEFAULTS[name]) filters[name] = value;
  }
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
    { weeks: filters.weeks, ...Object.fromEntries(SCOPE_FILTERS.map((name) => [name, filters[name]])) },
    { weeks: PERIODS.recent.fallback, ...SCOPE_DEFAULTS },
  );
}

/** The scope as a query string for a link to another page ("weeks=4&team=payments"), without page-specific parameters. */
export function scopeQuery(filters: ScopeFilters, extra: Record<string, string | undefined> = {}): string {
  const query = writeParams(writeScope(new URLSearchParams(), filters), extra).toString();
  return query ? `?${query}` : "";
}

/** The metric filters of the API for a scope and its window: only the filters set. */
export function scopeInput(filters: ScopeFilters, window: { from: string; to: string }): MetricFiltersInput {
  const input: MetricFiltersInput = { ...window };
  for (const name of SCOPE_FILTERS) if (filters[name]) input[name] = filters[name];
  return input;
}
