// Filters every metric accepts (api.md "Reading"): a window [from, to) and optional narrowing.
// The web app validates its URL with this same schema.
import { z } from "zod";

const isoDateOrDateTime = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}(T.+)?$/.test(v) && !Number.isNaN(Date.parse(v)), "must be an ISO date or date-time");

export const MetricFilters = z
  .object({
    from: isoDateOrDateTime,
    to: isoDateOrDateTime,
    team: z.string().min(1).max(200).optional(),
    service: z.string().min(1).max(200).optional(),
    environment: z.string().min(1).max(200).default("production"),
  })
  .refine((f) => Date.parse(f.from) < Date.parse(f.to), { message: "must be after from", path: ["to"] })
  .refine((f) => Date.parse(f.to) - Date.parse(f.from) <= 5 * 366 * 86_400_000, {
    message: "the window may span at most five years",
    path: ["to"],
  });
export type MetricFiltersInput = z.input<typeof MetricFilters>;
export type MetricFiltersData = z.output<typeof MetricFilters>;
