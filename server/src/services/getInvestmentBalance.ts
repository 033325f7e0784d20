// Investment balance (api.md GET /api/v1/metrics/investment): per team and week, the share of
// changes per category against the team's debt target, the unclassified share, and beside it the
// team's hours lost per week, so a team can show what its debt time bought.
import type { CostFiltersData } from "@keel/shared";
import type { InvestmentBalanceData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { changeCategoryRows } from "../db/queries/costs/investment.ts";
import { weeklySeries } from "../metrics/hoursLostReport.ts";
import { payingOffSummary } from "../metrics/payingOff.ts";
import { addCategory, balanceOf, NO_CHANGES, trendOf, type CategoryCounts } from "../metrics/investmentBalance.ts";
import { inputsOf, modelUsed, prepareCostContext } from "./costs/costContext.ts";
import { windowCounts } from "./costs/windowCounts.ts";
import { weekBuckets } from "@keel/shared/calendar";

/** The answer: its schema in shared/src/outputs/investment.ts is the one definition (OpenAPI, tRPC output). */
export type InvestmentBalance = InvestmentBalanceData;
type TeamInvestment = InvestmentBalance["teams"][number];

export async function getInvestmentBalance({ db, input, now }: { db: Db; input: CostFiltersData; now?: Date }): Promise<InvestmentBalance> {
  const ctx = await prepareCostContext({ db, input, now });
  const [categories, counts] = await Promise.all([changeCategoryRows(db, ctx.q), windowCounts(db, ctx.q)]);
  const buckets = weekBuckets(ctx.window.from, ctx.window.to, ctx.settings.timeZone);
  const orgTarget = ctx.settings.debtTarget;
  let all: CategoryCounts = NO_CHANGES;
  for (const row of categories) all = addCategory(all, row.category, row.changes);

  const costModel = modelUsed(
    ctx,
    counts.rows.map((r) => r.teamId),
  );
  const teams = ctx.teams.map((t): TeamInvestment => {
    const target = t.debtTarget ?? orgTarget;
    const rows = categories.filter((r) => r.teamId === t.id);
    let total: CategoryCounts = NO_CHANGES;
    const perWeek = new Map<string, CategoryCounts>();
    for (const r of rows) {
      total = addCategory(total, r.category, r.changes);
      perWeek.set(r.week, addCategory(perWeek.get(r.week) ?? NO_CHANGES, r.category, r.changes));
    }
    const hoursLost = weeklySeries(
      counts.rows.filter((r) => r.teamId === t.id),
      buckets,
      inputsOf(ctx),
    );
    const balance = balanceOf(total, target);
    const hoursLostTrend = trendOf(hoursLost.map((b) => b.total));
    const payingOffInput = { team: t.slug, name: t.name, changes: balance.changes, debtShare: balance.debtShare, target, trend: hoursLostTrend };
    return {
      team: t.slug,
      name: t.name,
      target,
      targetSource: t.debtTarget === null ? "organisation" : "team",
      total: balance,
      series: buckets.map((bucketStart) => ({ bucketStart, ...balanceOf(perWeek.get(bucketStart) ?? NO_CHANGES, target) })),
      hoursLost,
      hoursLostTrend,
      payingOff: payingOffSummary(payingOffInput, costModel.label),
    };
  });
  const scopeTarget = ctx.teams.length === 1 && ctx.teams[0] ? (ctx.teams[0].debtTarget ?? orgTarget) : orgTarget;
  return {
    window: { from: ctx.window.from.toISOString(), to: ctx.window.to.toISOString() },
    timeZone: ctx.settings.timeZone,
    filters: { team: ctx.filters.team, service: ctx.filters.service },
    organisationTarget: orgTarget,
    total: balanceOf(all, scopeTarget),
    teams,
    costModel,
  };
}
