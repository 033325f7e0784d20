// Filters every metric accepts (api.md "Reading"): a window [from, to) and optional narrowing.
// The web app validates its URL with this same schema.
import { z } from "zod";
import { isStorableText } from "./storableText.ts";
import { DAY_MS } from "./calendar.ts";
import { DEFAULT_ENVIRONMENT, SCOPE_FILTERS, type ScopeFilterName } from "./scopeFilters.ts";

const isoDateOrDateTime = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO date or date-time");

/** A team or service slug or an environment name in a filter: text PostgreSQL can compare. */
export const FilterName = () => z.string().min(1).max(200).refine(isStorableText, "must not contain NUL characters or unpaired surrogates");

const MAX_WINDOW_MS = 5 * 366 * DAY_MS;

/**
 * The window's rules: both ends or neither (where an extension makes the window optional), `from`
 * before `to`, at most five years. Issues are reported on `to`.
 */
function windowRules(f: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) {
  if ((f.from === undefined) !== (f.to === undefined)) {
    ctx.addIssue({ code: "custom", message: "give both from and to, or neither", path: ["to"] });
  } else if (f.from !== undefined && f.to !== undefined) {
    const span = Date.parse(f.to) - Date.parse(f.from);
    if (!(span > 0)) ctx.addIssue({ code: "custom", message: "must be after from", path: ["to"] });
    else if (span > MAX_WINDOW_MS) ctx.addIssue({ code: "custom", message: "the window may span at most five years", path: ["to"] });
  }
}

/**
 * The one filter schema: a window [from, to) and the scope (team, service, environment) every
 * metric, cost view and list narrows by. Every filtered query is this schema or extends it with
 * `safeExtend`, which keeps the window's rules and lets a field narrow (the metrics require the
 * window) but never loosen its type under them, so a new filter or rule is written here once. The
 * window is optional here (the cost views have a default one); the server reads it in the
 * organisation's time zone (server/src/services/scope/resolveScope.ts).
 */
export const Filters = z
  .object({
    from: isoDateOrDateTime.optional(),
    to: isoDateOrDateTime.optional(),
    team: FilterName().optional(),
    service: FilterName().optional(),
    environment: FilterName().default(DEFAULT_ENVIRONMENT),
  })
  .superRefine(windowRules);
export type FiltersData = z.output<typeof Filters>;

type ScopeField = Exclude<keyof FiltersData, "from" | "to">;

/**
 * The scope filters (every field but the window) by name: SCOPE_FILTERS of scopeFilters.ts,
 * checked against the schema both ways, so a filter added to the schema but not named there (or
 * named there but not in the schema) fails to compile. The answers' filters, the scope resolution
 * and the URL follow this list.
 */
export const SCOPE_FIELDS: readonly ScopeField[] = SCOPE_FILTERS satisfies readonly ScopeField[] & ([ScopeField] extends [ScopeFilterName] ? unknown : never);

/** Filters every metric accepts: the window is required. The lists extend these. */
export const MetricFilters = Filters.safeExtend({ from: isoDateOrDateTime, to: isoDateOrDateTime });
export type MetricFiltersInput = z.input<typeof MetricFilters>;
export type MetricFiltersData = z.output<typeof MetricFilters>;
