// Finishes the pull-request phases (docs/metrics.md, "Pull-request phases"): the database has taken
// each phase's percentiles per week and in total; this names them and fills the empty weeks.
import { fillBuckets } from "./weeks.ts";

export const PR_PHASES = ["coding", "pickup", "review", "deploy", "cycle"] as const;
export type PrPhase = (typeof PR_PHASES)[number];

export interface PhaseFigures {
  medianHours: number | null;
  p90Hours: number | null;
  /** Pull requests with this phase (both ends known, not negative). */
  count: number;
}

export interface PhaseRowInput {
  count: number;
  p: [number, number] | null;
}

export type PullRequestRowInput = { week: string | null; pullRequests: number } & Record<PrPhase, PhaseRowInput>;

export interface PhaseSet {
  codingHours: PhaseFigures;
  pickupHours: PhaseFigures;
  reviewHours: PhaseFigures;
  deployHours: PhaseFigures;
  cycleHours: PhaseFigures;
}

export type PullRequestSummary = { pullRequests: number; undeployed: number } & PhaseSet;
export type PullRequestBucket = { bucketStart: string; pullRequests: number } & PhaseSet;

const none: PhaseFigures = { medianHours: null, p90Hours: null, count: 0 };

function phases(row: PullRequestRowInput | undefined): PhaseSet {
  const of = (name: PrPhase): PhaseFigures => {
    const r = row?.[name];
    return r && r.count > 0 && r.p ? { medianHours: r.p[0], p90Hours: r.p[1], count: r.count } : { ...none, count: r?.count ?? 0 };
  };
  return { codingHours: of("coding"), pickupHours: of("pickup"), reviewHours: of("review"), deployHours: of("deploy"), cycleHours: of("cycle") };
}

export function buildPullRequestReport(
  rows: PullRequestRowInput[],
  undeployed: number,
  buckets: string[],
): { summary: PullRequestSummary; series: PullRequestBucket[] } {
  const total = rows.find((r) => r.week === null);
  const weeks = new Map(
    rows
      .filter((r) => r.week !== null)
      .map((r): [string, PullRequestBucket] => [r.week as string, { bucketStart: r.week as string, pullRequests: r.pullRequests, ...phases(r) }]),
  );
  return {
    summary: { pullRequests: total?.pullRequests ?? 0, undeployed, ...phases(total) },
    series: fillBuckets(buckets, weeks, (bucketStart) => ({ bucketStart, pullRequests: 0, ...phases(undefined) })),
  };
}
