// The pull-request phases endpoint in `pnpm bench:metrics` (issue 15): its path for a window no call
// asked for before (shifted by a millisecond), and EXPLAIN ANALYZE of its two statements.
import type { Tx } from "../src/db/types.ts";
import { explainAnalyze } from "../src/db/queries/bench/explain.ts";
import type { DoraQuery } from "../src/db/queries/dora/fragments.ts";
import { pullRequestPhasesSql, undeployedPullRequestsSql } from "../src/db/queries/dora/pullRequests.ts";

/** The endpoint's path for the window shifted by `shiftMs`. */
export function pullRequestsPath(window: { from: string; to: string }, filters: Record<string, string>, shiftMs: number): string {
  const shift = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString();
  return `/api/v1/metrics/pull-requests?${new URLSearchParams({ from: shift(window.from), to: shift(window.to), ...filters }).toString()}`;
}

/** EXPLAIN ANALYZE of the endpoint's two statements for one resolved query (resolveScope). */
export async function pullRequestPlans(db: Tx, q: DoraQuery, scopeName: string): Promise<string> {
  return [
    `==== pull-request phases (${scopeName}) ====\n${await explainAnalyze(db, pullRequestPhasesSql(q))}\n`,
    `==== undeployed pull requests (${scopeName}) ====\n${await explainAnalyze(db, undeployedPullRequestsSql(q))}\n`,
  ].join("");
}
