// The cost views' filters (Executive, Flaky tests, Investment) live in the URL so a view can be
// bookmarked, shared and printed as seen: `weeks` (4, 13, 26 or 52 whole weeks; 13 is the
// default and left out) and `team` (a team's slug; none means the whole organisation).
import type { CostFiltersQuery } from "./apiTypes.ts";
import { addDays, mondayOf } from "@keel/shared/calendar";

export const WINDOW_CHOICES = [4, 13, 26, 52] as const;
export type WindowChoice = (typeof WINDOW_CHOICES)[number];
export const DEFAULT_WINDOW: WindowChoice = 13;

export interface CostFilters {
  weeks: WindowChoice;
  team?: string;
}

// The server's limit on a team slug (CostFilters in @keel/shared), checked by hand so the page
// does not load zod; costFilters.test.ts keeps the two in agreement.
const NAME_MAX_LENGTH = 200;

/** A team slug as the server accepts it, or undefined. */
export function readSlug(value: string | null): string | undefined {
  const name = value?.trim();
  return name && name.length <= NAME_MAX_LENGTH ? name : undefined;
}

export function toWindowChoice(value: string | null): WindowChoice {
  const n = Number(value);
  return (WINDOW_CHOICES as readonly number[]).includes(n) ? (n as WindowChoice) : DEFAULT_WINDOW;
}

export function readCostFilters(params: URLSearchParams): CostFilters {
  const filters: CostFilters = { weeks: toWindowChoice(params.get("weeks")) };
  const team = readSlug(params.get("team"));
  if (team) filters.team = team;
  return filters;
}

/** The URL for these filters, keeping unrelated parameters; defaults are left out. */
export function writeCostFilters(current: URLSearchParams, filters: CostFilters): URLSearchParams {
  const next = new URLSearchParams(current);
  if (filters.weeks === DEFAULT_WINDOW) next.delete("weeks");
  else next.set("weeks", String(filters.weeks));
  const team = readSlug(filters.team ?? null);
  if (team) next.set("team", team);
  else next.delete("team");
  return next;
}

export interface CostWindow {
  /** First day (a Monday), as the organisation's local date. */
  from: string;
  /** The day after the last one (the Monday of the current week): the window is [from, to). */
  to: string;
  /** The Monday of the last whole week in the window ("last week"). */
  lastWeek: string;
}

/**
 * The `weeks` whole weeks before the current one, as local dates: money and hours are compared
 * week by week, so a week still in progress would read as an improvement. The server reads dates
 * without an offset as midnight in the organisation's time zone.
 */
export function costWindow(weeks: number, today: string): CostWindow {
  const to = mondayOf(today);
  return { from: addDays(to, -7 * weeks), to, lastWeek: addDays(to, -7) };
}

/** What the cost procedures are asked for. Stable within a week, so it makes a stable query key. */
export function costQueryInput(filters: CostFilters, today: string): CostFiltersQuery {
  const { from, to } = costWindow(filters.weeks, today);
  return filters.team ? { from, to, team: filters.team } : { from, to };
}
