// The pull-request phases endpoint for `pnpm bench:metrics` (issue 15), kept apart from metrics.ts
// so the lead can call it there: GET /api/v1/metrics/pull-requests per scope, every call a window
// no call asked for before (shifted by a millisecond; the endpoint has no report cache, so every
// call is cold anyway), 3 warm-up calls, then p50/p95; and EXPLAIN ANALYZE of its two statements.
//
// In metrics.ts, with its `api` (serve), WINDOW, SCOPES, CALLS, `time` and `percentile`:
//   rows.push(...(await benchPullRequests({ get: api.get, window: WINDOW, scopes: SCOPES, calls: CALLS, time, percentile })));
//   out.push(await pullRequestPlans(database.prisma, q, scope.name));   // beside the other plans
import type { Tx } from "../src/db/types.ts";
import { explainAnalyze } from "../src/db/queries/bench/explain.ts";
import type { DoraQuery } from "../src/db/queries/dora/fragments.ts";
import { pullRequestPhasesSql, undeployedPullRequestsSql } from "../src/db/queries/dora/pullRequests.ts";

export interface PullRequestBenchRow {
  endpoint: "pull-requests";
  scope: string;
  coldP50Ms: number;
  coldP95Ms: number;
}

export interface PullRequestBenchInput {
  get: (path: string) => Promise<unknown>;
  window: { from: string; to: string };
  scopes: { name: string; filters: { team?: string; service?: string } }[];
  calls: number;
  time: (calls: number, work: (i: number) => Promise<unknown>) => Promise<number[]>;
  percentile: (samples: number[], p: number) => number;
}

/** The endpoint's path for the window shifted by `shiftMs`. */
export function pullRequestsPath(window: { from: string; to: string }, filters: Record<string, string>, shiftMs: number): string {
  const shift = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString();
  return `/api/v1/metrics/pull-requests?${new URLSearchParams({ from: shift(window.from), to: shift(window.to), ...filters }).toString()}`;
}

export async function benchPullRequests({ get, window, scopes, calls, time, percentile }: PullRequestBenchInput): Promise<PullRequestBenchRow[]> {
  const rows: PullRequestBenchRow[] = [];
  for (const scope of scopes) {
    const cold = await time(calls, (i) => get(pullRequestsPath(window, scope.filters, i + 1)));
    const row: PullRequestBenchRow = { endpoint: "pull-requests", scope: scope.name, coldP50Ms: percentile(cold, 0.5), coldP95Ms: percentile(cold, 0.95) };
    console.error(`  pull-requests ${scope.name}: cold p50 ${row.coldP50Ms.toFixed(1)} ms, p95 ${row.coldP95Ms.toFixed(1)} ms`);
    rows.push(row);
  }
  return rows;
}

/** EXPLAIN ANALYZE of the endpoint's two statements for one prepared query (prepareDoraQuery). */
export async function pullRequestPlans(db: Tx, q: DoraQuery, scopeName: string): Promise<string> {
  return [
    `==== pull-request phases (${scopeName}) ====\n${await explainAnalyze(db, pullRequestPhasesSql(q))}\n`,
    `==== undeployed pull requests (${scopeName}) ====\n${await explainAnalyze(db, undeployedPullRequestsSql(q))}\n`,
  ].join("");
}
