// Engineering hours lost and their cost (product.md "Cost model"), from the counts the database
// made (server/src/db/queries/costs/) and the cost model in force for each team:
//   flaky tests     = Σ blocking flaky failures (contextSwitch + waitFactor × rerun duration)
//                   = blocking × contextSwitchMinutes / 60 + waitFactor × Σ rerun hours
//   change failures = Σ attributed incidents recovery time × responders, each responder capped at
//                     8 h per calendar day = Σ capped hours × own responders
//                                            + responders (model default) × Σ capped hours of the rest
//   rework          = rework deployments × rework hours
//   total           = the sum of the three
//   cost            = hours × loaded rate + CI minutes of flaky reruns × CI cost per minute
// Each formula is linear in the counts, so counts are summed per team and the team's inputs applied.
// Money is rounded to cents per cause, and the total cost is the sum of the rounded causes, so
// the causes always add up to the total shown.
import type { CostModelInputsData } from "@keel/shared";
import { cents } from "./money.ts";

export interface RawCounts {
  flakyFailures: number;
  blockingFailures: number;
  rerunHours: number;
  rerunsUnknown: number;
  ciMinutes: number;
  incidents: number;
  recoveryHours: number;
  hoursWithOwnResponders: number;
  hoursPerDefaultResponder: number;
  incidentsWithDefaultResponders: number;
  reworkDeployments: number;
}

export const ZERO_COUNTS: RawCounts = {
  flakyFailures: 0,
  blockingFailures: 0,
  rerunHours: 0,
  rerunsUnknown: 0,
  ciMinutes: 0,
  incidents: 0,
  recoveryHours: 0,
  hoursWithOwnResponders: 0,
  hoursPerDefaultResponder: 0,
  incidentsWithDefaultResponders: 0,
  reworkDeployments: 0,
};

export function addCounts(a: RawCounts, b: Partial<RawCounts>): RawCounts {
  const out = { ...a };
  for (const key of Object.keys(out) as (keyof RawCounts)[]) out[key] += b[key] ?? 0;
  return out;
}

/** Exact (unrounded) hours and dollars of one team's counts under its inputs. */
export interface ExactCost {
  flakyTests: number;
  changeFailures: number;
  rework: number;
  /** Dollars per cause; flaky tests include the CI minutes of their reruns. */
  flakyTestsUsd: number;
  changeFailuresUsd: number;
  reworkUsd: number;
  ciMinutes: number;
  ciUsd: number;
}

export const ZERO_COST: ExactCost = {
  flakyTests: 0,
  changeFailures: 0,
  rework: 0,
  flakyTestsUsd: 0,
  changeFailuresUsd: 0,
  reworkUsd: 0,
  ciMinutes: 0,
  ciUsd: 0,
};

export function flakyHours(c: Pick<RawCounts, "blockingFailures" | "rerunHours">, m: CostModelInputsData): number {
  return (c.blockingFailures * m.contextSwitchMinutes) / 60 + m.waitFactor * c.rerunHours;
}

export function changeFailureHours(c: Pick<RawCounts, "hoursWithOwnResponders" | "hoursPerDefaultResponder">, m: CostModelInputsData): number {
  return c.hoursWithOwnResponders + m.incidentResponders * c.hoursPerDefaultResponder;
}

export function exactCost(c: RawCounts, m: CostModelInputsData): ExactCost {
  const flakyTests = flakyHours(c, m);
  const changeFailures = changeFailureHours(c, m);
  const rework = c.reworkDeployments * m.reworkHoursPerDeployment;
  const ciUsd = c.ciMinutes * m.ciCostPerMinuteUsd;
  return {
    flakyTests,
    changeFailures,
    rework,
    flakyTestsUsd: flakyTests * m.loadedHourlyRateUsd + ciUsd,
    changeFailuresUsd: changeFailures * m.loadedHourlyRateUsd,
    reworkUsd: rework * m.loadedHourlyRateUsd,
    ciMinutes: c.ciMinutes,
    ciUsd,
  };
}

export function addCost(a: ExactCost, b: ExactCost): ExactCost {
  const out = { ...a };
  for (const key of Object.keys(out) as (keyof ExactCost)[]) out[key] += b[key];
  return out;
}

/** The figures api.md names (hours unrounded, dollars in cents). */
export interface HoursLostFigures {
  flakyTests: number;
  changeFailures: number;
  rework: number;
  total: number;
  costUsd: number;
  costByCause: { flakyTests: number; changeFailures: number; rework: number };
  ciMinutes: number;
  ciCostUsd: number;
}

export function figuresOf(cost: ExactCost): HoursLostFigures {
  const costByCause = { flakyTests: cents(cost.flakyTestsUsd), changeFailures: cents(cost.changeFailuresUsd), rework: cents(cost.reworkUsd) };
  return {
    flakyTests: cost.flakyTests,
    changeFailures: cost.changeFailures,
    rework: cost.rework,
    total: cost.flakyTests + cost.changeFailures + cost.rework,
    costUsd: cents(costByCause.flakyTests + costByCause.changeFailures + costByCause.rework),
    costByCause,
    ciMinutes: cost.ciMinutes,
    ciCostUsd: cents(cost.ciUsd),
  };
}

/** Sums counts keyed by (team, anything) into counts per team. */
export function countsByTeam<T extends { teamId: string | null }>(rows: T[], toCounts: (row: T) => Partial<RawCounts>): Map<string | null, RawCounts> {
  const out = new Map<string | null, RawCounts>();
  for (const row of rows) out.set(row.teamId, addCounts(out.get(row.teamId) ?? ZERO_COUNTS, toCounts(row)));
  return out;
}

/** The exact cost of counts per team, each under its own inputs, summed. */
export function costOfTeams(counts: Map<string | null, RawCounts>, inputsOf: (teamId: string | null) => CostModelInputsData): ExactCost {
  let total = ZERO_COST;
  for (const [teamId, c] of counts) total = addCost(total, exactCost(c, inputsOf(teamId)));
  return total;
}

export interface CapacityTeam {
  teamId: string;
  slug: string;
  size: number | null;
  hoursPerWeek: number;
  sprintWeeks: number;
}

export interface CapacityFigures {
  /** Hours lost ÷ (team size × hours per week × weeks in window); null when no size is known. */
  capacityShare: number | null;
  /** Monthly hours lost ÷ (team size × hours per week × sprint weeks); null when no size is known. */
  sprintsLostPerMonth: number | null;
  basis: {
    /** Engineers counted: the team's size, or org-wide the sum of the known team sizes. */
    engineers: number | null;
    teamsCounted: string[];
    teamsWithoutSize: string[];
    /** Hours lost by the counted teams (the numerator). */
    hoursCounted: number;
    /** Hours lost outside the counted teams (teams without a size, services without a team). */
    hoursNotCounted: number;
    weeks: number;
    /** Engineer-hours of capacity in the window: Σ size × hours per week × weeks. */
    capacityHours: number | null;
  };
}

/** A month is 52/12 weeks. */
export const WEEKS_PER_MONTH = 52 / 12;

/**
 * Capacity share and sprints lost per month over the teams in scope. Org-wide, the capacity is
 * the sum of the known team sizes, and only the hours of those teams are set against it (hours of
 * teams without a size, or of services without a team, have no capacity to be a share of).
 */
export function capacityOf(hoursByTeam: Map<string | null, number>, teams: CapacityTeam[], weeks: number): CapacityFigures {
  const sized = teams.filter((t) => t.size !== null && t.size > 0);
  const sizedIds = new Set(sized.map((t) => t.teamId));
  let hoursCounted = 0;
  let hoursNotCounted = 0;
  for (const [teamId, hours] of hoursByTeam) {
    if (teamId !== null && sizedIds.has(teamId)) hoursCounted += hours;
    else hoursNotCounted += hours;
  }
  const engineers = sized.length ? sized.reduce((n, t) => n + (t.size ?? 0), 0) : null;
  const capacityHours = sized.length ? sized.reduce((n, t) => n + (t.size ?? 0) * t.hoursPerWeek * weeks, 0) : null;
  const sprintHours = sized.reduce((n, t) => n + (t.size ?? 0) * t.hoursPerWeek * t.sprintWeeks, 0);
  return {
    capacityShare: capacityHours ? hoursCounted / capacityHours : null,
    sprintsLostPerMonth: sized.length && weeks > 0 && sprintHours > 0 ? ((hoursCounted / weeks) * WEEKS_PER_MONTH) / sprintHours : null,
    basis: {
      engineers,
      teamsCounted: sized.map((t) => t.slug),
      teamsWithoutSize: teams.filter((t) => !sizedIds.has(t.teamId)).map((t) => t.slug),
      hoursCounted,
      hoursNotCounted,
      weeks,
      capacityHours,
    },
  };
}
