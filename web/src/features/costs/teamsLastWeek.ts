// "Which team slipped last week?": each team's hours lost in the last whole week of the window,
// against the week before and against its own weekly average over the earlier weeks. The team
// whose last week rose furthest above its own average slipped the most. Every number comes from
// the API's weekly hours lost per team; nothing is estimated.
import { formatHours, formatUsd } from "../../format/costFigures.ts";
import { countOf } from "../../format/counts.ts";
import { dateRangeLabel } from "../../format/calendar.ts";
import { addDays } from "@keel/shared/calendar";

export interface TeamWeeks {
  team: string;
  name: string;
  hoursLost: { bucketStart: string; total: number; costUsd: number }[];
}

export interface TeamLastWeek {
  team: string;
  name: string;
  hours: number;
  costUsd: number;
  /** The week before last week; null when the window has no such week. */
  weekBefore: number | null;
  /** Mean weekly hours over the window's weeks before last week; null when there are none. */
  average: number | null;
  /** Hours above (or below, when negative) that average; null without an average. */
  aboveAverage: number | null;
}

export interface TeamsLastWeek {
  lastWeek: string;
  /** Weeks the average is taken over. */
  earlierWeeks: number;
  rows: TeamLastWeek[];
  /** The team furthest above its own average, if any team was above it. */
  slipped: TeamLastWeek | null;
}

export function teamsLastWeek(teams: TeamWeeks[], lastWeek: string): TeamsLastWeek {
  let earlierWeeks = 0;
  const rows = teams.map((t): TeamLastWeek => {
    const index = t.hoursLost.findIndex((w) => w.bucketStart === lastWeek);
    const last = index >= 0 ? t.hoursLost[index] : undefined;
    const earlier = index >= 0 ? t.hoursLost.slice(0, index) : [];
    earlierWeeks = Math.max(earlierWeeks, earlier.length);
    const average = earlier.length ? earlier.reduce((s, w) => s + w.total, 0) / earlier.length : null;
    const hours = last?.total ?? 0;
    return {
      team: t.team,
      name: t.name,
      hours,
      costUsd: last?.costUsd ?? 0,
      weekBefore: earlier.at(-1)?.total ?? null,
      average,
      aboveAverage: average === null ? null : hours - average,
    };
  });
  const slipped = rows.reduce<TeamLastWeek | null>((worst, r) => {
    if (r.aboveAverage === null || r.aboveAverage <= 0) return worst;
    return worst === null || (worst.aboveAverage ?? 0) < r.aboveAverage ? r : worst;
  }, null);
  return { lastWeek, earlierWeeks, rows, slipped };
}

/** One sentence naming the team that slipped last week, with its numbers. */
export function slippedSentence(result: TeamsLastWeek): string {
  const when = `Last week (${dateRangeLabel(result.lastWeek, addDays(result.lastWeek, 6))})`;
  const s = result.slipped;
  if (result.rows.length === 0) return `${when}, no team had figures.`;
  if (result.earlierWeeks === 0) return `${when} is the only week in this window: choose a longer window to compare.`;
  const span = `the ${countOf(result.earlierWeeks, "week")} before`;
  if (!s || s.average === null) return `${when}, no team lost more hours than its own weekly average over ${span}.`;
  const lead = result.rows.length === 1 ? `${s.name} slipped` : `${s.name} slipped the most`;
  return `${when}, ${lead}: it lost ${formatHours(s.hours)} (${formatUsd(s.costUsd)}), against an average of ${formatHours(s.average)} a week over ${span}.`;
}
