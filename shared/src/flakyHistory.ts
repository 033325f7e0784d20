// Query schema of one flaky test's runs by commit (tRPC flaky.history, REST
// GET /api/v1/metrics/flaky-tests/{testId}/history): the test's id as the flaky list gives it, and
// the same window and filters as the list, so the two always describe the same runs.
import { z } from "zod";
import { CostFilters } from "./costsApi.ts";

/** TestCase ids are PostgreSQL integers: anything larger cannot be a test. */
const MAX_TEST_ID = 2_147_483_647;

/** How many of the most recent commits the history lists; the answer says how many there were. */
export const FLAKY_HISTORY_MAX_SHAS = 30;

export const FlakyTestRef = z
  .object({
    // Coerced: it arrives as a path segment over REST.
    testId: z.coerce.number().int().positive().max(MAX_TEST_ID),
  })
  .strict();

export const FlakyHistoryQuery = z
  .object({
    testId: FlakyTestRef.shape.testId,
    filters: CostFilters,
  })
  .strict();
export type FlakyHistoryQueryInput = z.input<typeof FlakyHistoryQuery>;
export type FlakyHistoryQueryData = z.output<typeof FlakyHistoryQuery>;
