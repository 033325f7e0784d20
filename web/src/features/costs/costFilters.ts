// The cost views' filters (Executive, Flaky tests, Investment) live in the URL so a view can be
// bookmarked, shared and printed as seen: `weeks` (whole weeks: ../filters/period.ts) and `team`
// (a team's slug; none means the whole organisation).
import { wholeWeeksWindow, PERIODS, readWeeks, type PeriodWeeks } from "../filters/period.ts";
import { readName, writeParams } from "../filters/urlFilters.ts";
import type { CostFiltersQuery } from "./apiTypes.ts";

export { wholeWeeksWindow as costWindow } from "../filters/period.ts";

export interface CostFilters {
  weeks: PeriodWeeks<"whole">;
  team?: string;
}

/** A team slug as the server accepts it (CostFilters.team: a name like any other), or undefined. */
export const readSlug = readName;

export function readCostFilters(params: URLSearchParams): CostFilters {
  const filters: CostFilters = { weeks: readWeeks("whole", params.get("weeks")) };
  const team = readSlug(params.get("team"));
  if (team) filters.team = team;
  return filters;
}

/** The URL for these filters, keeping unrelated parameters; defaults are left out. */
export function writeCostFilters(current: URLSearchParams, filters: CostFilters): URLSearchParams {
  return writeParams(current, { weeks: filters.weeks, team: readSlug(filters.team ?? null) }, { weeks: PERIODS.whole.fallback });
}

/** What the cost procedures are asked for. Stable within a week, so it makes a stable query key. */
export function costQueryInput(filters: CostFilters, today: string): CostFiltersQuery {
  const { from, to } = wholeWeeksWindow(filters.weeks, today);
  return filters.team ? { from, to, team: filters.team } : { from, to };
}
