// Business-language summaries for any window and scope (the executive view), composed from the
// same services as GET /metrics/hours-lost, /metrics/flaky-tests and /metrics/investment.
import type { CostFiltersData } from "@keel/shared";
import type { SummariesData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { composeSummaries, TOP_FIX_TESTS } from "./costs/composeSummaries.ts";
import { getFlakyTests } from "./getFlakyTests.ts";
import { getHoursLost } from "./getHoursLost.ts";
import { getInvestmentBalance } from "./getInvestmentBalance.ts";

export async function getSummaries({ db, input, now }: { db: Db; input: CostFiltersData; now?: Date }): Promise<SummariesData> {
  const [hours, flaky, investment] = await Promise.all([
    getHoursLost({ db, input, now }),
    getFlakyTests({ db, input: { ...input, limit: TOP_FIX_TESTS }, now }),
    getInvestmentBalance({ db, input, now }),
  ]);
  const day = (iso: string) => iso.slice(0, 10);
  return {
    window: hours.window,
    summaries: composeSummaries({
      hours,
      flaky,
      investment,
      period: `from ${day(hours.window.from)} to ${day(hours.window.to)}`,
      previousPeriod: "in the period of the same length before",
    }),
  };
}
