// The DORA procedures' answers (api.md "Reading": GET /api/v1/metrics/dora and
// /metrics/pull-requests, tRPC dora.summary and dora.pullRequests; definitions in docs/metrics.md).
// The server's services return z.infer of these, and the OpenAPI document is generated from them.
import { z } from "zod";
import { RecoveryTimeFrom, ThresholdsYearChoice } from "../settings.ts";
import { AttributionWindow, compared, Level, MetricScopeFilters, nullableNumber, Window } from "./common.ts";

const DeploymentFrequencyFigures = z.strictObject({
  deployments: z.number(),
  perDay: z.number(),
  deployDaysPerWeekMedian: nullableNumber,
  level: Level,
});
const LeadTimeFigures = z.strictObject({
  changes: z.number(),
  medianHours: nullableNumber,
  p90Hours: nullableNumber,
  level: Level,
  excludedNegative: z.number(),
});
const ChangeFailureFigures = z.strictObject({ deployments: z.number(), failed: z.number(), rate: nullableNumber, level: Level });
const RecoveryFigures = z.strictObject({
  incidents: z.number(),
  medianHours: nullableNumber,
  p90Hours: nullableNumber,
  level: Level,
  open: z.number(),
  excludedNegative: z.number(),
});
const ReworkFigures = z.strictObject({ deployments: z.number(), rework: z.number(), rate: nullableNumber });

export const DoraSummary = z.strictObject({
  deploymentFrequency: compared(DeploymentFrequencyFigures),
  leadTime: compared(LeadTimeFigures),
  changeFailureRate: compared(ChangeFailureFigures),
  recoveryTime: compared(RecoveryFigures),
  reworkRate: compared(ReworkFigures),
});

export const DoraBucket = z.strictObject({
  bucketStart: z.string(),
  deployments: z.number(),
  leadTimeMedianHours: nullableNumber,
  changeFailureRate: nullableNumber,
  recoveryMedianHours: nullableNumber,
  reworkRate: nullableNumber,
  // Beyond api.md's list (additive): the counts behind each figure.
  deployDays: z.number(),
  failedDeployments: z.number(),
  reworkDeployments: z.number(),
  changes: z.number(),
  incidents: z.number(),
});

const ExampleList = z.strictObject({
  count: z.number(),
  /** Up to 20, most recent first. */
  examples: z.array(z.string()),
});

export const DoraMetrics = z.strictObject({
  window: Window,
  /** The same-length window immediately before, which `previous` and `change` compare with. */
  previousWindow: Window,
  timeZone: z.string(),
  filters: MetricScopeFilters,
  thresholdsYear: ThresholdsYearChoice,
  ...AttributionWindow.shape,
  /** Where recovery time starts: the incident's opening or the failed deployment's finish (docs/metrics.md §4). */
  recoveryTimeFrom: RecoveryTimeFrom,
  summary: DoraSummary,
  series: z.array(DoraBucket),
  dataQuality: z.strictObject({
    /** Changes whose first deployment finished before their commit time (shas). */
    changesWithNegativeLeadTime: ExampleList,
    /** Successful deployments in scope that shipped no known change (deployment ids). */
    deploymentsWithoutCommits: ExampleList,
    /** Incidents with no service opened or resolved in the window, whatever the filters (incident ids). */
    incidentsWithoutService: ExampleList,
    /** Incidents in scope open at the end of the window (incident ids). */
    openIncidents: ExampleList,
  }),
});
export type DoraMetricsData = z.infer<typeof DoraMetrics>;

const PhaseFigures = z.strictObject({
  medianHours: nullableNumber,
  p90Hours: nullableNumber,
  /** Pull requests with this phase (both ends known, not negative). */
  count: z.number(),
});
const phases = {
  codingHours: PhaseFigures,
  pickupHours: PhaseFigures,
  reviewHours: PhaseFigures,
  deployHours: PhaseFigures,
  cycleHours: PhaseFigures,
};

export const PullRequestMetrics = z.strictObject({
  window: Window,
  timeZone: z.string(),
  filters: MetricScopeFilters,
  summary: z.strictObject({ pullRequests: z.number(), undeployed: z.number(), ...phases }),
  series: z.array(z.strictObject({ bucketStart: z.string(), pullRequests: z.number(), ...phases })),
});
export type PullRequestMetricsData = z.infer<typeof PullRequestMetrics>;
