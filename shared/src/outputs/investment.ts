// The investment balance's answer (api.md GET /api/v1/metrics/investment, tRPC investment.balance;
// product.md "Investment balance"): per team and week, the share of changes per category against
// the debt target, with the team's hours lost beside it. Shares are fractions (0.25, not 25).
import { z } from "zod";
import { ChangeCategory } from "../events.ts";
import { CostModelUsed, nullableNumber, ScopeFilters, Window } from "./common.ts";
import { HoursLostBucket } from "./hoursLost.ts";
import { Summary } from "./summary.ts";

const perCategory = <T extends z.ZodType>(figure: T) =>
  z.strictObject(Object.fromEntries(ChangeCategory.options.map((c) => [c, figure])) as Record<(typeof ChangeCategory.options)[number], T>);

const Balance = z.strictObject({
  changes: z.number(),
  counts: perCategory(z.number()),
  /** null in a week without changes (not zeros). */
  shares: perCategory(nullableNumber),
  debtShare: nullableNumber,
  /** The "other" category: changes no rule could classify. */
  unclassifiedShare: nullableNumber,
  target: z.number(),
  /** debtShare − target, in fraction points; null without changes. */
  againstTarget: nullableNumber,
  /** "above" when the debt share is at least the target. */
  status: z.enum(["above", "below", "no changes"]),
});

const TeamInvestment = z.strictObject({
  team: z.string(),
  name: z.string(),
  target: z.number(),
  targetSource: z.enum(["team", "organisation"]),
  total: Balance,
  series: z.array(z.strictObject({ bucketStart: z.string(), ...Balance.shape })),
  hoursLost: z.array(HoursLostBucket),
  /** Weekly hours lost, first third of the window against the last third. */
  hoursLostTrend: z.strictObject({ first: z.number(), last: z.number(), direction: z.enum(["rising", "falling", "flat"]) }).nullable(),
  /** "Is the debt allocation paying off?": one sentence with how it was computed (metrics/payingOff.ts). */
  payingOff: Summary,
});

export const InvestmentBalance = z.strictObject({
  window: Window,
  timeZone: z.string(),
  filters: ScopeFilters,
  /** The organisation's debt target (settings); a team's own target overrides it. */
  organisationTarget: z.number(),
  /** Every change in scope (org-wide this includes changes of services without a team). */
  total: Balance,
  teams: z.array(TeamInvestment),
  /** The cost model the hours lost beside the shares used. */
  costModel: CostModelUsed,
});
export type InvestmentBalanceData = z.infer<typeof InvestmentBalance>;
