// EXPLAIN (ANALYZE, BUFFERS) of the cost views' main statements, org-wide and for one team, for
// the costs benchmark's --plans file.
import type { Db } from "../src/db/client.ts";
import { explainAnalyze } from "../src/db/queries/bench/explain.ts";
import { flakyCostRowsSql } from "../src/db/queries/costs/flakyCosts.ts";
import { flakyTestStatesSql } from "../src/db/queries/costs/flakyTestStates.ts";
import { brokenTestsSql, infrastructureOutagesSql } from "../src/db/queries/costs/testOutages.ts";
import { prepareCostContext } from "../src/services/costs/costContext.ts";

export async function costsPlans(db: Db, window: { from: Date; to: Date; timeZone: string }, now: Date): Promise<string> {
  const out: string[] = [];
  for (const [scope, filters] of [
    ["org", {}],
    ["team", { team: "team-1" }],
  ] as const) {
    const ctx = await prepareCostContext({
      db,
      input: { from: window.from.toISOString(), to: window.to.toISOString(), environment: "production", ...filters },
      now,
    });
    for (const [name, sql] of [
      ["flakyTestStates", flakyTestStatesSql(ctx.q, ctx.asOf)],
      ["brokenTests", brokenTestsSql(ctx.q)],
      ["flakyCostRows", flakyCostRowsSql(ctx.q)],
      ["infrastructureOutages", infrastructureOutagesSql(ctx.q)],
    ] as const) {
      out.push(`==== ${name} (${scope}) ====\n${await explainAnalyze(db, sql)}\n`);
    }
  }
  return out.join("\n");
}
