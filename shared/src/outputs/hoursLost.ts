// The hours-lost procedure's answer (api.md GET /api/v1/metrics/hours-lost, tRPC costs.hoursLost;
// formulas in docs/costs.md): by cause, per week, per team, against the previous period, with
// cost avoided and the cost model used.
import { z } from "zod";
import { CostModelUsed, MetricScopeFilters, nullableNumber, TestIdentity, Window } from "./common.ts";

const CauseShare = z.strictObject({ hours: z.number(), costUsd: z.number(), capacityShare: nullableNumber, sprintsLostPerMonth: nullableNumber });

const RawCounts = z.strictObject({
  flakyFailures: z.number(),
  blockingFailures: z.number(),
  rerunHours: z.number(),
  rerunsUnknown: z.number(),
  ciMinutes: z.number(),
  incidents: z.number(),
  recoveryHours: z.number(),
  hoursWithOwnResponders: z.number(),
  hoursPerDefaultResponder: z.number(),
  incidentsWithDefaultResponders: z.number(),
  reworkDeployments: z.number(),
});

export const HoursLostSummary = z.strictObject({
  flakyTests: z.number(),
  changeFailures: z.number(),
  rework: z.number(),
  total: z.number(),
  costUsd: z.number(),
  costByCause: z.strictObject({ flakyTests: z.number(), changeFailures: z.number(), rework: z.number() }),
  ciMinutes: z.number(),
  ciCostUsd: z.number(),
  /** Hours lost ÷ (team size × hours per week × weeks in window); null when no size is known. */
  capacityShare: nullableNumber,
  /** Monthly hours lost ÷ (team size × hours per week × sprint weeks); null when no size is known. */
  sprintsLostPerMonth: nullableNumber,
  capacityBasis: z.strictObject({
    /** Engineers counted: the team's size, or org-wide the sum of the known team sizes. */
    engineers: nullableNumber,
    teamsCounted: z.array(z.string()),
    teamsWithoutSize: z.array(z.string()),
    /** Hours lost by the counted teams (the numerator). */
    hoursCounted: z.number(),
    /** Hours lost outside the counted teams (teams without a size, services without a team). */
    hoursNotCounted: z.number(),
    weeks: z.number(),
    /** Engineer-hours of capacity in the window: Σ size × hours per week × weeks. */
    capacityHours: nullableNumber,
  }),
  counts: RawCounts,
  byCause: z.strictObject({ flakyTests: CauseShare, changeFailures: CauseShare, rework: CauseShare }),
});

export const HoursLostBucket = z.strictObject({
  bucketStart: z.string(),
  flakyTests: z.number(),
  changeFailures: z.number(),
  rework: z.number(),
  total: z.number(),
  costUsd: z.number(),
});

/** current − previous for each numeric figure (metrics/hoursLostReport.ts changeOf). */
const HoursLostChange = z.strictObject({
  flakyTests: z.number(),
  changeFailures: z.number(),
  rework: z.number(),
  total: z.number(),
  costUsd: z.number(),
  capacityShare: nullableNumber,
  sprintsLostPerMonth: nullableNumber,
});

const FixedTest = z.strictObject({
  test: TestIdentity,
  fixDate: z.string(),
  runsSinceFix: z.number(),
  weeklyHoursBefore: z.number(),
  weeksSinceFix: z.number(),
  hours: z.number(),
  costUsd: z.number(),
  hoursInWindow: z.number(),
  costUsdInWindow: z.number(),
});

// Fields in the order the server writes them: parsing rebuilds each object in the schema's order.
const DeliveryImprovement = z.strictObject({
  baselineRate: nullableNumber,
  currentRate: nullableNumber,
  currentDeployments: z.number(),
  baselineFailures: z.number(),
  /** Hours lost to change failures and rework in the baseline ÷ its failed deployments. */
  baselineHoursPerFailure: nullableNumber,
  hours: z.number(),
  team: z.string().nullable(),
  costUsd: z.number(),
});

export const CostAvoided = z.strictObject({
  asOf: z.string(),
  fixedTests: z.strictObject({
    hours: z.number(),
    costUsd: z.number(),
    hoursInWindow: z.number(),
    costUsdInWindow: z.number(),
    tests: z.array(FixedTest),
  }),
  deliveryImprovements: z.strictObject({ hours: z.number(), costUsd: z.number(), teams: z.array(DeliveryImprovement) }),
  totalHours: z.number(),
  totalCostUsd: z.number(),
});

export const HoursLost = z.strictObject({
  window: Window,
  previousWindow: Window,
  timeZone: z.string(),
  filters: MetricScopeFilters,
  summary: HoursLostSummary.extend({ previous: HoursLostSummary, change: HoursLostChange }),
  series: z.array(HoursLostBucket),
  /** Each team in scope (org-wide: every team; hours of services without a team are only in the summary). */
  byTeam: z.array(z.strictObject({ team: z.string(), name: z.string(), size: nullableNumber, summary: HoursLostSummary, costModel: CostModelUsed })),
  costAvoided: CostAvoided,
  costModel: CostModelUsed,
});
export type HoursLostData = z.infer<typeof HoursLost>;
