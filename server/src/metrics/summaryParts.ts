// The shapes of the business-language summaries (summaries.ts builds them): their inputs, and
// each sentence with the figures it names and "how this was computed".
import type { CostModelUsed } from "@keel/shared";
import type { SummaryData } from "@keel/shared/outputs";
import { formatHoursRounded, formatPercent, formatUsdWhole } from "@keel/shared/numbers";
import type { HoursLostFigures, RawCounts } from "./hoursLost.ts";

export interface SummaryHours extends Omit<HoursLostFigures, "ciCostUsd"> {
  capacityShare: number | null;
  sprintsLostPerMonth: number | null;
  capacityBasis: { engineers: number | null; teamsCounted: string[]; teamsWithoutSize: string[]; hoursCounted: number; weeks: number };
  counts: Omit<RawCounts, "rerunsUnknown" | "ciMinutes">;
  byCause: { flakyTests: { capacityShare: number | null; sprintsLostPerMonth: number | null } };
}

export interface SummaryInput {
  /** Whose figures: a team ("the Payments team"), a service, or the organisation. */
  scope: { kind: "team" | "service" | "organisation"; name: string };
  /** "last week", "in 2026-W45", "from 2026-08-01 to 2026-10-31". */
  period: string;
  /** "the week before", "in the previous period". */
  previousPeriod: string;
  hours: SummaryHours;
  previous: Pick<SummaryHours, "total" | "costUsd">;
  topFix: { tests: number; effortHours: number; weeklyHoursLost: number; paybackWeeks: number | null };
  fixedTests: {
    hours: number;
    costUsd: number;
    hoursInWindow: number;
    costUsdInWindow: number;
    tests: { name: string; fixDate: string; weeklyHoursBefore: number; weeksSinceFix: number }[];
  };
  delivery: {
    hours: number;
    costUsd: number;
    teams: {
      team: string | null;
      baselineRate: number | null;
      currentRate: number | null;
      currentDeployments: number;
      baselineHoursPerFailure: number | null;
      hours: number;
      costUsd: number;
    }[];
  };
  investment: { team: string; name: string; target: number; debtShare: number | null; unclassifiedShare: number | null; changes: number }[];
  costModel: CostModelUsed;
}

// A sentence's shape is its answer's schema (shared/src/outputs/summary.ts).
export type Summary = SummaryData;
export type Figure = Summary["figures"][number];
export type FigureUnit = Figure["unit"];
export type HowComputed = Summary["howComputed"];

export const fig = (name: string, value: number, unit: FigureUnit, shown: string): Figure => ({ name, value, unit, shown });
export const hoursFig = (name: string, value: number) => fig(name, value, "hours", formatHoursRounded(value));
export const usdFig = (name: string, value: number) => fig(name, value, "usd", formatUsdWhole(value));
export const shareFig = (name: string, value: number) => fig(name, value, "share", formatPercent(value));
