// The flaky-test procedures' answers (api.md "Reading": GET /api/v1/metrics/flaky-tests and
// /metrics/flaky-tests/{testId}/history, tRPC flaky.list and flaky.history; docs/costs.md).
import { z } from "zod";
import { BuildStatus } from "../events.ts";
import { CostModelUsed, nullableNumber, ScopeFilters, TestIdentity, TestName, Window } from "./common.ts";

export const FLAKY_STATES = ["flaky", "fixed", "broken"] as const;

const FlakyTestFigures = z.strictObject({
  ...TestIdentity.shape,
  flakyFailures: z.number(),
  blockingFailures: z.number(),
  hoursLost: z.number(),
  costUsd: z.number(),
  /** First and last flaky failure of the test (all time up to the window's end). */
  firstSeen: z.string(),
  lastSeen: z.string(),
  state: z.enum(FLAKY_STATES),
  /** The last flaky failure, when fixed. */
  fixDate: z.string().nullable(),
  fixEffortHours: z.number(),
  /** True when the effort is the test's own estimate, not the cost model's default. */
  fixEffortIsEstimate: z.boolean(),
  weeklyHoursLost: z.number(),
  paybackWeeks: nullableNumber,
  /** Every week of the window: flaky and blocking failures and hours lost. */
  history: z.array(z.strictObject({ bucketStart: z.string(), flakyFailures: z.number(), blockingFailures: z.number(), hoursLost: z.number() })),
});

// Rows as the database reads them: their instants are Dates in the server, ISO strings on the wire.
const Outage = z.strictObject({
  buildId: z.string(),
  serviceSlug: z.string().nullable(),
  pipeline: z.string(),
  commitSha: z.string(),
  attempt: z.number(),
  finishedAt: z.date(),
  tests: z.number(),
  failed: z.number(),
});
const BrokenTest = z.strictObject({
  testCaseId: z.number(),
  serviceSlug: z.string().nullable(),
  ...TestName.shape,
  /** Shas on which it failed every attempt, with a failed execution in the window. */
  shas: z.number(),
  failedExecutions: z.number(),
  firstFailedAt: z.date(),
  lastFailedAt: z.date(),
});

export const FlakyTests = z.strictObject({
  window: Window,
  timeZone: z.string(),
  filters: ScopeFilters,
  tests: z.array(FlakyTestFigures),
  /** How many tests had a flaky failure in the window (before the limit). */
  total: z.number(),
  infrastructureOutages: z.array(Outage),
  brokenTests: z.array(BrokenTest),
  costModel: CostModelUsed,
});
export type FlakyTestsData = z.infer<typeof FlakyTests>;

export const TEST_OUTCOMES = ["passed", "failed", "error", "skipped"] as const;

const FlakyTestAttempt = z.strictObject({
  buildId: z.string(),
  pipeline: z.string(),
  attempt: z.number(),
  branch: z.string().nullable(),
  buildStatus: BuildStatus,
  /** The attempt itself failed (whatever the reason). */
  buildFailed: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** The test's executions in the attempt, in order: more than one when it was retried in the run. */
  outcomes: z.array(z.enum(TEST_OUTCOMES)),
  flakyFailures: z.number(),
  /** A flaky failure of this test made the attempt fail. */
  blocking: z.boolean(),
  /** Failed, then passed on a retry inside this attempt: flaky, never blocking. */
  passedOnRetry: z.boolean(),
  /** An infrastructure outage: left out of flakiness. */
  outage: z.boolean(),
});

const FlakyTestSha = z.strictObject({
  commitSha: z.string(),
  branch: z.string().nullable(),
  /** The latest attempt's finishedAt on this sha. */
  lastFinishedAt: z.string(),
  /** The test both failed and passed on this sha (a flaky failure in the window). */
  flaky: z.boolean(),
  /** It failed on every attempt here (at least twice, outside outages). */
  broken: z.boolean(),
  outageAttempts: z.number(),
  attempts: z.array(FlakyTestAttempt),
});

export const FlakyTestHistory = z.strictObject({
  window: Window,
  timeZone: z.string(),
  filters: ScopeFilters,
  test: TestIdentity,
  /** The most recent shas first, at most `maxShas`. */
  shas: z.array(FlakyTestSha),
  /** Shas that ran the test in the window, before the limit. */
  totalShas: z.number(),
  maxShas: z.number(),
});
export type FlakyTestHistoryData = z.infer<typeof FlakyTestHistory>;
