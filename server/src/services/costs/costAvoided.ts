// Cost avoided (product.md "Cost model") for a window and scope: each fixed flaky test, and the
// delivery improvement of each team (the change failure rate from the DORA engine's own query,
// the baseline hours from the previous period's hours lost).
import type { Db } from "../../db/client.ts";
import { flakyCostRowsBefore } from "../../db/queries/costs/flakyCosts.ts";
import { flakyTestStates, type FlakyTestStateRow } from "../../db/queries/costs/flakyTestStates.ts";
import { deploymentOutcomes } from "../../db/queries/dora/deploymentOutcomes.ts";
import { rate } from "../../metrics/doraReport.ts";
import { deliveryAvoided, fixedTestAvoided, FIX_LOOKBACK_WEEKS } from "../../metrics/costAvoided.ts";
import { costPerTest, flakyState, type FlakyState } from "../../metrics/flakyTests.ts";
import { costOfTeams, countsByTeam, type ExactCost } from "../../metrics/hoursLost.ts";
import type { CountRow } from "../../metrics/hoursLostReport.ts";
import { cents } from "../../metrics/money.ts";
import { inputsOf, type CostContext } from "./costContext.ts";
import { DAY_MS } from "@keel/shared/calendar";
import type { CostAvoided as CostAvoidedAnswer, TestIdentity as TestIdentityAnswer } from "@keel/shared/outputs";
import type { z } from "zod";

// The answer's types are the output schema's (shared/src/outputs/hoursLost.ts), not a second copy.
type CostAvoided = z.infer<typeof CostAvoidedAnswer>;
type TestIdentity = z.infer<typeof TestIdentityAnswer>;
type FixedTestFigures = CostAvoided["fixedTests"]["tests"][number];
type DeliveryFigures = CostAvoided["deliveryImprovements"]["teams"][number];

export function identityOf(s: Pick<FlakyTestStateRow, "testCaseId" | "serviceSlug" | "repository" | "suite" | "name" | "variant">): TestIdentity {
  return { id: s.testCaseId, service: s.serviceSlug, repository: s.repository, suite: s.suite, name: s.name, variant: s.variant };
}

export async function loadTestStates(db: Db, ctx: CostContext): Promise<{ rows: FlakyTestStateRow[]; states: Map<number, FlakyState> }> {
  const rows = await flakyTestStates(db, ctx.q, ctx.asOf);
  return { rows, states: new Map(rows.map((r) => [r.testCaseId, flakyState(r)])) };
}

async function fixedTests(db: Db, ctx: CostContext, states: FlakyTestStateRow[], stateOf: Map<number, FlakyState>): Promise<CostAvoided["fixedTests"]> {
  const fixed = states.filter((s) => stateOf.get(s.testCaseId) === "fixed");
  // Its flaky failures in the 4 weeks up to and including the fix date: (fix − 28 d, fix].
  const rows = await flakyCostRowsBefore(
    db,
    ctx.q,
    fixed.map((s) => ({ testCaseId: s.testCaseId, from: new Date(s.lastFlakyAt.getTime() - FIX_LOOKBACK_WEEKS * 7 * DAY_MS), to: s.lastFlakyAt })),
  );
  const costs = costPerTest(rows, inputsOf(ctx));
  const tests = fixed.map((s): FixedTestFigures => {
    const c = costs.get(s.testCaseId);
    const a = fixedTestAvoided({ fixDate: s.lastFlakyAt, asOf: ctx.asOf, hoursBefore: c?.hours ?? 0, usdBefore: c?.usd ?? 0, window: ctx.window });
    return {
      test: identityOf(s),
      fixDate: s.lastFlakyAt.toISOString(),
      runsSinceFix: s.runsSinceLastFlaky,
      weeklyHoursBefore: a.weeklyHoursBefore,
      weeksSinceFix: a.weeksSinceFix,
      hours: a.hours,
      costUsd: cents(a.usd),
      hoursInWindow: a.hoursInWindow,
      costUsdInWindow: cents(a.usdInWindow),
    };
  });
  tests.sort((a, b) => b.hours - a.hours || a.test.id - b.test.id);
  return {
    hours: tests.reduce((s, t) => s + t.hours, 0),
    costUsd: cents(tests.reduce((s, t) => s + t.costUsd, 0)),
    hoursInWindow: tests.reduce((s, t) => s + t.hoursInWindow, 0),
    costUsdInWindow: cents(tests.reduce((s, t) => s + t.costUsdInWindow, 0)),
    tests,
  };
}

async function deliveryImprovements(db: Db, ctx: CostContext, previousRows: CountRow[]): Promise<CostAvoided["deliveryImprovements"]> {
  const services = await db.service.findMany({ select: { id: true, teamId: true } });
  const inScope = (id: string) => ctx.q.serviceIds === null || ctx.q.serviceIds.includes(id);
  // One group per team in scope, and org-wide one for services without a team.
  const groups: { teamId: string | null; slug: string | null }[] = ctx.teams.map((t) => ({ teamId: t.id, slug: t.slug }));
  if (ctx.filters.team === null && ctx.filters.service === null) groups.push({ teamId: null, slug: null });
  else if (ctx.filters.service !== null && ctx.scopeTeamId === null) groups.push({ teamId: null, slug: null });
  // One query per group, sent together (each is independent of the others).
  const figures = await Promise.all(
    groups.map(async (group): Promise<DeliveryFigures | null> => {
      const serviceIds = services.filter((s) => s.teamId === group.teamId && inScope(s.id)).map((s) => s.id);
      if (serviceIds.length === 0) return null;
      const outcomes = await deploymentOutcomes(db, { ...ctx.q, serviceIds });
      const total = (period: "current" | "previous") => outcomes.find((r) => r.period === period && r.week === null);
      const current = total("current");
      const previous = total("previous");
      const baseline = costOfTeams(
        countsByTeam(
          previousRows.filter((r) => r.teamId === group.teamId),
          (r) => r.counts,
        ),
        inputsOf(ctx),
      );
      const d = deliveryAvoided({
        baselineRate: rate(previous?.failed ?? 0, previous?.deployments ?? 0),
        currentRate: rate(current?.failed ?? 0, current?.deployments ?? 0),
        currentDeployments: current?.deployments ?? 0,
        baselineFailures: previous?.failed ?? 0,
        baselineHours: failureHours(baseline),
      });
      const m = inputsOf(ctx)(group.teamId);
      return { ...d, team: group.slug, costUsd: cents(d.hours * m.loadedHourlyRateUsd) };
    }),
  );
  const teams = figures.filter((f): f is DeliveryFigures => f !== null);
  return { hours: teams.reduce((s, t) => s + t.hours, 0), costUsd: cents(teams.reduce((s, t) => s + t.costUsd, 0)), teams };
}

/** Hours lost to failed changes: their incidents and the rework they caused. */
function failureHours(c: ExactCost): number {
  return c.changeFailures + c.rework;
}

export async function costAvoided(
  db: Db,
  ctx: CostContext,
  previousRows: CountRow[],
  states: { rows: FlakyTestStateRow[]; states: Map<number, FlakyState> },
): Promise<CostAvoided> {
  const [fixed, delivery] = await Promise.all([fixedTests(db, ctx, states.rows, states.states), deliveryImprovements(db, ctx, previousRows)]);
  return {
    asOf: ctx.asOf.toISOString(),
    fixedTests: fixed,
    deliveryImprovements: delivery,
    totalHours: fixed.hours + delivery.hours,
    totalCostUsd: cents(fixed.costUsd + delivery.costUsd),
  };
}
