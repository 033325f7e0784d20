// One test's runs by commit (tRPC flaky.history, REST GET /api/v1/metrics/flaky-tests/{testId}/history):
// for the most recent shas in the window, each build attempt that ran it, with its outcomes, flaky
// and blocking failures and outages. Same window and filters as getFlakyTests, so the detail panel
// and the ranking read the same runs. The SQL aggregates (flakyTestHistory.ts); this only nests.
import { FLAKY_HISTORY_MAX_SHAS, type FlakyHistoryQueryData } from "@keel/shared";
import type { FlakyTestHistoryData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { flakyTestHistory, type TestHistoryRow } from "../db/queries/costs/flakyTestHistory.ts";
import { KeelError } from "../errors.ts";
import { prepareCostContext } from "./costs/costContext.ts";

/** The answer: its schema in shared/src/outputs/flakyTests.ts is the one definition (OpenAPI, tRPC output). */
export type FlakyTestHistory = FlakyTestHistoryData;
type FlakyTestSha = FlakyTestHistory["shas"][number];

export async function getFlakyTestHistory({ db, input, now }: { db: Db; input: FlakyHistoryQueryData; now?: Date }): Promise<FlakyTestHistory> {
  const test = await db.testCase.findUnique({
    where: { id: input.testId },
    select: { id: true, repository: true, suite: true, name: true, variant: true, serviceId: true },
  });
  if (!test) throw new KeelError("NOT_FOUND", `No test with id ${input.testId}.`, [{ path: "testId", message: "is not a test" }]);
  const ctx = await prepareCostContext({ db, input: input.filters, now });
  const [rows, service] = await Promise.all([
    flakyTestHistory(db, ctx.q, test.id, FLAKY_HISTORY_MAX_SHAS),
    test.serviceId ? db.service.findUnique({ where: { id: test.serviceId }, select: { slug: true } }) : null,
  ]);
  return {
    window: { from: ctx.window.from.toISOString(), to: ctx.window.to.toISOString() },
    timeZone: ctx.settings.timeZone,
    filters: { team: ctx.filters.team, service: ctx.filters.service },
    test: { id: test.id, service: service?.slug ?? null, repository: test.repository, suite: test.suite, name: test.name, variant: test.variant },
    shas: nestBySha(rows),
    totalShas: rows[0]?.totalShas ?? 0,
    maxShas: FLAKY_HISTORY_MAX_SHAS,
  };
}

/** Rows come ordered by sha, then attempt: consecutive rows of one sha become one entry. */
function nestBySha(rows: TestHistoryRow[]): FlakyTestSha[] {
  const shas: FlakyTestSha[] = [];
  for (const r of rows) {
    let sha = shas.at(-1);
    if (sha?.commitSha !== r.commitSha) {
      sha = {
        commitSha: r.commitSha,
        branch: r.shaBranch,
        lastFinishedAt: r.shaFinishedAt.toISOString(),
        flaky: r.shaFlaky,
        broken: r.shaBroken,
        outageAttempts: r.shaOutageAttempts,
        attempts: [],
      };
      shas.push(sha);
    }
    sha.attempts.push({
      buildId: r.buildId,
      pipeline: r.pipeline,
      attempt: r.attempt,
      branch: r.branch,
      buildStatus: r.buildStatus,
      buildFailed: r.buildStatus === "failure",
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt.toISOString(),
      outcomes: r.outcomes,
      flakyFailures: r.flakyFailures,
      blocking: r.blocking,
      passedOnRetry: r.passedOnRetry,
      outage: r.outage,
    });
  }
  return shas;
}
