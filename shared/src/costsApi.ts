// Query schemas of the cost, flaky-test, investment, report and export endpoints (api.md
// "Reading"), shared by the REST routes, tRPC and the web app's URL filters. The window is
// optional here: without from and to it is the last 13 weeks up to and including today.
import { z } from "zod";
import { isIsoWeek } from "./calendar.ts";
import { Filters } from "./filters.ts";

export const CostFilters = Filters;
export type CostFiltersInput = z.input<typeof CostFilters>;
export type CostFiltersData = z.output<typeof CostFilters>;

export const FLAKY_TESTS_MAX_LIMIT = 500;
export const FlakyTestsLimit = z.object({
  limit: z.coerce.number().int().min(1).max(FLAKY_TESTS_MAX_LIMIT).default(50),
});

/** An ISO 8601 week, e.g. 2026-W47 (weeks start on Monday). */
export const IsoWeek = z
  .string()
  .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, "must be an ISO week such as 2026-W47")
  .refine(isIsoWeek, "that year has no week 53");

export const WeeklyReportQuery = z
  .object({
    week: IsoWeek,
    team: Filters.shape.team,
  })
  .strict();
export type WeeklyReportQueryData = z.output<typeof WeeklyReportQuery>;

export const EXPORT_KINDS = ["deployments", "incidents", "changes", "flaky-tests"] as const;
export const ExportKind = z.enum(EXPORT_KINDS);
export type ExportKindValue = z.output<typeof ExportKind>;

export const FixEffortUpdate = z
  .object({
    testId: z.number().int().positive(),
    /** Hours; null returns the test to the cost model's default. */
    hours: z.number().finite().positive().max(10_000).nullable(),
  })
  .strict();
