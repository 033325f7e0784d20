// Filters every metric accepts (api.md "Reading"): a window [from, to) and optional narrowing.
// The web app validates its URL with this same schema.
import { z } from "zod";
import { isStorableText } from "./storableText.ts";
import { DAY_MS } from "./calendar.ts";

export const isoDateOrDateTime = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO date or date-time");

/** A team or service slug or an environment name in a filter: text PostgreSQL can compare. */
export const FilterName = () => z.string().min(1).max(200).refine(isStorableText, "must not contain NUL characters or unpaired surrogates");

/** Team, service and environment: the scope every metric, cost view and list narrows by. */
export const scopeFields = {
  team: FilterName().optional(),
  service: FilterName().optional(),
  environment: FilterName().default("production"),
};

const MAX_WINDOW_MS = 5 * 366 * DAY_MS;

/**
 * The window's rules, written once for every query that takes one: both ends or neither (where
 * the window is optional), `from` before `to`, at most five years. Issues are reported on `to`.
 */
export function checkWindow<T extends z.ZodType<{ from?: string | undefined; to?: string | undefined }>>(schema: T) {
  return schema.superRefine((f, ctx) => {
    if ((f.from === undefined) !== (f.to === undefined)) {
      ctx.addIssue({ code: "custom", message: "give both from and to, or neither", path: ["to"] });
    } else if (f.from !== undefined && f.to !== undefined) {
      const span = Date.parse(f.to) - Date.parse(f.from);
      if (!(span > 0)) ctx.addIssue({ code: "custom", message: "must be after from", path: ["to"] });
      else if (span > MAX_WINDOW_MS) ctx.addIssue({ code: "custom", message: "the window may span at most five years", path: ["to"] });
    }
  });
}

export const MetricFilters = checkWindow(z.object({ from: isoDateOrDateTime, to: isoDateOrDateTime, ...scopeFields }));
export type MetricFiltersInput = z.input<typeof MetricFilters>;
export type MetricFiltersData = z.output<typeof MetricFilters>;
