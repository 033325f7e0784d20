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

export const MetricFilters = z
  .object({
    from: isoDateOrDateTime,
    to: isoDateOrDateTime,
    team: FilterName().optional(),
    service: FilterName().optional(),
    environment: FilterName().default("production"),
  })
  .refine((f) => Date.parse(f.from) < Date.parse(f.to), { message: "must be after from", path: ["to"] })
  .refine((f) => Date.parse(f.to) - Date.parse(f.from) <= 5 * 366 * DAY_MS, {
    message: "the window may span at most five years",
    path: ["to"],
  });
export type MetricFiltersInput = z.input<typeof MetricFilters>;
export type MetricFiltersData = z.output<typeof MetricFilters>;
