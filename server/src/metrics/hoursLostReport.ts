// Assembles hours lost for a window (api.md GET /metrics/hours-lost) from count rows per (team,
// week): the summary with its capacity share and sprints lost, each cause's share, the weekly
// series (every week present), per team, and the comparison with the previous period.
import type { CostModelInputsData } from "@keel/shared";
import {
  capacityOf,
  costOfTeams,
  countsByTeam,
  exactCost,
  figuresOf,
  type CapacityFigures,
  type CapacityTeam,
  type ExactCost,
  type HoursLostFigures,
  type RawCounts,
  ZERO_COUNTS,
  addCounts,
} from "./hoursLost.ts";

export interface CountRow {
  teamId: string | null;
  week: string;
  counts: Partial<RawCounts>;
}

export interface CauseShare {
  hours: number;
  costUsd: number;
  capacityShare: number | null;
  sprintsLostPerMonth: number | null;
}

export interface HoursLostSummary extends HoursLostFigures {
  capacityShare: number | null;
  sprintsLostPerMonth: number | null;
  capacityBasis: CapacityFigures["basis"];
  counts: RawCounts;
  byCause: { flakyTests: CauseShare; changeFailures: CauseShare; rework: CauseShare };
}

export interface HoursLostBucket {
  bucketStart: string;
  flakyTests: number;
  changeFailures: number;
  rework: number;
  total: number;
  costUsd: number;
}

export interface TeamHoursLost extends HoursLostSummary {
  teamId: string | null;
}

type Cause = "flakyTests" | "changeFailures" | "rework";
const CAUSES: Cause[] = ["flakyTests", "changeFailures", "rework"];

function exactByTeam(counts: Map<string | null, RawCounts>, inputsOf: (teamId: string | null) => CostModelInputsData): Map<string | null, ExactCost> {
  return new Map([...counts].map(([teamId, c]) => [teamId, exactCost(c, inputsOf(teamId))]));
}

export function summarize(rows: CountRow[], inputsOf: (teamId: string | null) => CostModelInputsData, teams: CapacityTeam[], weeks: number): HoursLostSummary {
  const byTeam = countsByTeam(rows, (r) => r.counts);
  const exact = exactByTeam(byTeam, inputsOf);
  const figures = figuresOf(costOfTeams(byTeam, inputsOf));
  const hoursOf = (pick: (c: ExactCost) => number) => new Map([...exact].map(([teamId, c]) => [teamId, pick(c)]));
  const total = capacityOf(
    hoursOf((c) => c.flakyTests + c.changeFailures + c.rework),
    teams,
    weeks,
  );
  const cause = (name: Cause): CauseShare => {
    const cap = capacityOf(
      hoursOf((c) => c[name]),
      teams,
      weeks,
    );
    return { hours: figures[name], costUsd: figures.costByCause[name], capacityShare: cap.capacityShare, sprintsLostPerMonth: cap.sprintsLostPerMonth };
  };
  let counts = ZERO_COUNTS;
  for (const c of byTeam.values()) counts = addCounts(counts, c);
  return {
    ...figures,
    capacityShare: total.capacityShare,
    sprintsLostPerMonth: total.sprintsLostPerMonth,
    capacityBasis: total.basis,
    counts,
    byCause: Object.fromEntries(CAUSES.map((c) => [c, cause(c)])) as HoursLostSummary["byCause"],
  };
}

export function weeklySeries(rows: CountRow[], buckets: string[], inputsOf: (teamId: string | null) => CostModelInputsData): HoursLostBucket[] {
  const byWeek = new Map<string, CountRow[]>();
  for (const row of rows) byWeek.set(row.week, [...(byWeek.get(row.week) ?? []), row]);
  return buckets.map((bucketStart) => {
    const f = figuresOf(
      costOfTeams(
        countsByTeam(byWeek.get(bucketStart) ?? [], (r) => r.counts),
        inputsOf,
      ),
    );
    return { bucketStart, flakyTests: f.flakyTests, changeFailures: f.changeFailures, rework: f.rework, total: f.total, costUsd: f.costUsd };
  });
}

/** current − previous for each numeric figure; null when either is null. */
export function changeOf(current: HoursLostSummary, previous: HoursLostSummary) {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
  return {
    flakyTests: current.flakyTests - previous.flakyTests,
    changeFailures: current.changeFailures - previous.changeFailures,
    rework: current.rework - previous.rework,
    total: current.total - previous.total,
    costUsd: Math.round((current.costUsd - previous.costUsd) * 100) / 100,
    capacityShare: diff(current.capacityShare, previous.capacityShare),
    sprintsLostPerMonth: diff(current.sprintsLostPerMonth, previous.sprintsLostPerMonth),
  };
}
