import { addDays, dateRangeLabel } from "@keel/shared/calendar";
import { countOf, formatHours, formatUsdCents } from "@keel/shared/numbers";
import type { TeamsLastWeekData } from "@keel/shared/outputs";
// "Which team slipped last week?": each team's hours lost in one week against the week before and
// against its own weekly average over the earlier weeks. The team whose week rose furthest above
// its own average slipped the most; a team at or below its average did not slip. Every number is
// a team's weekly hours lost (the cost engine's); nothing is estimated. The weekly report carries
// the result, the Executive view and the weekly e-mail and Slack messages read it from there.

export interface TeamWeeks {
  team: string;
  name: string;
  hoursLost: { bucketStart: string; total: number; costUsd: number }[];
}

/** The answer's shape is the weekly report's schema (shared/src/outputs/weeklyReport.ts). */
type TeamsLastWeek = TeamsLastWeekData;
type TeamLastWeek = TeamsLastWeek["rows"][number];

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
  const partial = { lastWeek, earlierWeeks, rows, slipped };
  return { ...partial, sentence: slippedSentence(partial), howComputed: howComputed(earlierWeeks) };
}

function howComputed(earlierWeeks: number): string {
  return (
    `Each team's engineering hours lost in the week are compared with its own average over the ${countOf(earlierWeeks, "week")} before; ` +
    "the team furthest above its average slipped the most, and a team at or below its average did not slip."
  );
}

/** "9–15 Nov 2026", "28 Sep – 4 Oct 2026", "29 Dec 2025 – 4 Jan 2026": the week from its Monday. */
export function weekRangeLabel(monday: string): string {
  return dateRangeLabel(monday, addDays(monday, 6));
}

function slippedSentence(result: Pick<TeamsLastWeek, "lastWeek" | "earlierWeeks" | "rows" | "slipped">): string {
  const when = `Last week (${weekRangeLabel(result.lastWeek)})`;
  const s = result.slipped;
  if (result.rows.length === 0) return `${when}, no team had figures.`;
  if (result.earlierWeeks === 0) return `${when} is the only week in this window: choose a longer window to compare.`;
  const span = `the ${countOf(result.earlierWeeks, "week")} before`;
  if (!s || s.average === null) return `${when}, no team lost more hours than its own weekly average over ${span}.`;
  const lead = result.rows.length === 1 ? `${s.name} slipped` : `${s.name} slipped the most`;
  return `${when}, ${lead}: it lost ${formatHours(s.hours)} (${formatUsdCents(s.costUsd)}), against an average of ${formatHours(s.average)} a week over ${span}.`;
}
