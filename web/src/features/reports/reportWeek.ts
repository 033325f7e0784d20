// The weekly report's choice of week and team, kept in the URL (`week=2026-W46&team=platform`).
// Without a week, the report is the last full week's: the one a leader reviews on Monday.
import { readSlug } from "../costs/costFilters.ts";
import { isIsoWeek, isoWeekOf, recentIsoWeeks, shiftIsoWeek, isoWeekRangeLabel } from "@keel/shared/calendar";

export const WEEKS_OFFERED = 53;

export interface ReportChoice {
  week?: string;
  team?: string;
}

export function readReportChoice(params: URLSearchParams): ReportChoice {
  const choice: ReportChoice = {};
  const week = params.get("week")?.trim();
  if (week && isIsoWeek(week)) choice.week = week;
  const team = readSlug(params.get("team"));
  if (team) choice.team = team;
  return choice;
}

export function writeReportChoice(current: URLSearchParams, choice: ReportChoice): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of ["week", "team"] as const) {
    const value = choice[key];
    if (value) next.set(key, value);
    else next.delete(key);
  }
  return next;
}

/** The last full week before today's. */
export function lastFullWeek(today: string): string {
  return shiftIsoWeek(isoWeekOf(today), -1);
}

/** How the picker names a week: "2026-W46 · 9–15 Nov 2026 (last week)". */
export function weekOptionLabel(week: string, today: string): string {
  const current = isoWeekOf(today);
  const note = week === current ? " (this week, so far)" : week === shiftIsoWeek(current, -1) ? " (last week)" : "";
  return `${week} · ${isoWeekRangeLabel(week)}${note}`;
}

/** The weeks offered: this one and the year before it, newest first; a chosen older week stays listed. */
export function weekChoices(today: string, chosen: string): string[] {
  const weeks = recentIsoWeeks(isoWeekOf(today), WEEKS_OFFERED);
  return weeks.includes(chosen) ? weeks : [...weeks, chosen].sort().reverse();
}

/** The file name of the Markdown download: "keel-weekly-report-2026-W46-platform.md". */
export function markdownFileName(week: string, team?: string): string {
  const safeTeam = team?.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  return `keel-weekly-report-${week}${safeTeam ? `-${safeTeam}` : ""}.md`;
}
