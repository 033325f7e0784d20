// Flaky tests ranked by hours lost in the window (api.md GET /api/v1/metrics/flaky-tests), with
// state (flaky, fixed, broken), first and last flaky failure, weekly flip history and fix payback;
// beside them what detection left out: infrastructure outages and broken tests.
import type { CostFiltersData } from "@keel/shared";
import type { FlakyTestsData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { flakyCostRows } from "../db/queries/costs/flakyCosts.ts";
import { brokenTests, infrastructureOutages } from "../db/queries/costs/testOutages.ts";
import { inputsFor } from "../metrics/costModel.ts";
import { costPerTest, rankTests } from "../metrics/flakyTests.ts";
import { identityOf, loadTestStates } from "./costs/costAvoided.ts";
import { cachedCostReport, readVersion } from "./cache/costReports.ts";
import { inputsOf, modelUsed, prepareCostContext, type CostContext } from "./costs/costContext.ts";
import { weekBuckets } from "@keel/shared/calendar";

/** The answer: its schema in shared/src/outputs/flakyTests.ts is the one definition (OpenAPI, tRPC output). */
export type FlakyTests = FlakyTestsData;
export type FlakyTestFigures = FlakyTests["tests"][number];

export async function getFlakyTests({ db, input, now }: { db: Db; input: CostFiltersData & { limit?: number }; now?: Date }): Promise<FlakyTests> {
  const version = await readVersion(db);
  const ctx = await prepareCostContext({ db, input, now });
  const key = [ctx.window.from, ctx.window.to, ctx.asOf, ctx.filters, input.limit ?? 50];
  return cachedCostReport(db, version, "flaky-tests", key, () => computeFlakyTests(db, ctx, input.limit ?? 50));
}

async function computeFlakyTests(db: Db, ctx: CostContext, limit: number): Promise<FlakyTests> {
  const [rows, states, outages, broken] = await Promise.all([
    flakyCostRows(db, ctx.q),
    loadTestStates(db, ctx),
    infrastructureOutages(db, ctx.q),
    brokenTests(db, ctx.q),
  ]);
  const byId = new Map(states.rows.map((r) => [r.testCaseId, r]));
  const facts = new Map(
    states.rows.map((r) => [
      r.testCaseId,
      { state: states.states.get(r.testCaseId) ?? ("flaky" as const), fixEffortHours: r.fixEffortHours ?? inputsFor(ctx.model, r.teamId).fixEffortHours },
    ]),
  );
  const costs = costPerTest(rows, inputsOf(ctx));
  const ranked = rankTests(costs.values(), facts, ctx.weeks);
  const buckets = weekBuckets(ctx.window.from, ctx.window.to, ctx.settings.timeZone);
  const tests = ranked.slice(0, limit).flatMap((t): FlakyTestFigures[] => {
    const s = byId.get(t.testCaseId);
    const c = costs.get(t.testCaseId);
    if (!s || !c) return [];
    return [
      {
        ...identityOf(s),
        flakyFailures: t.flakyFailures,
        blockingFailures: t.blockingFailures,
        hoursLost: t.hoursLost,
        costUsd: t.costUsd,
        firstSeen: s.firstFlakyAt.toISOString(),
        lastSeen: s.lastFlakyAt.toISOString(),
        state: t.state,
        fixDate: t.state === "fixed" ? s.lastFlakyAt.toISOString() : null,
        fixEffortHours: t.fixEffortHours,
        fixEffortIsEstimate: s.fixEffortHours !== null,
        weeklyHoursLost: t.weeklyHoursLost,
        paybackWeeks: t.paybackWeeks,
        history: buckets.map((bucketStart) => {
          const w = c.weekly.get(bucketStart);
          return { bucketStart, flakyFailures: w?.flakyFailures ?? 0, blockingFailures: w?.blockingFailures ?? 0, hoursLost: w?.hours ?? 0 };
        }),
      },
    ];
  });
  return {
    window: { from: ctx.window.from.toISOString(), to: ctx.window.to.toISOString() },
    timeZone: ctx.settings.timeZone,
    filters: { team: ctx.filters.team, service: ctx.filters.service },
    tests,
    total: ranked.length,
    infrastructureOutages: outages,
    brokenTests: broken,
    costModel: modelUsed(
      ctx,
      rows.map((r) => r.teamId),
    ),
  };
}
