// Pull-request phases for a window and filters (GET /api/v1/metrics/pull-requests, tRPC
// dora.pullRequests; definitions in docs/metrics.md "Pull-request phases"). The same window, time
// zone and scope rules as the DORA metrics (resolveScope).
import type { MetricFiltersData } from "@keel/shared";
import type { PullRequestMetricsData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { dataVersion } from "../db/queries/dataVersion.ts";
import { pullRequestPhases } from "../db/queries/dora/pullRequests.ts";
import { buildPullRequestReport } from "../metrics/pullRequestReport.ts";
import { weekBuckets } from "@keel/shared/calendar";
import { createReportCache, reportKey } from "./cache/reportCache.ts";
import { resolveScope } from "./scope/resolveScope.ts";

/** The answer: its schema in shared/src/outputs/dora.ts is the one definition (OpenAPI, tRPC output). */
export type PullRequestMetrics = PullRequestMetricsData;

/** Recent answers by data version, as the DORA metrics keep theirs (services/cache/reportCache.ts). */
const answers = createReportCache<PullRequestMetrics>({ max: 64 });

export async function getPullRequestMetrics({ db, input }: { db: Db; input: MetricFiltersData }): Promise<PullRequestMetrics> {
  // The version first: an answer computed after it is served only while it stays the same.
  const version = await dataVersion(db);
  return answers.get(db, version, reportKey(input), () => computePullRequestMetrics(db, input));
}

async function computePullRequestMetrics(db: Db, input: MetricFiltersData): Promise<PullRequestMetrics> {
  const { settings, window, q, filters } = await resolveScope({ db, input });
  const { rows, undeployed } = await pullRequestPhases(db, q);
  const { summary, series } = buildPullRequestReport(rows, undeployed, weekBuckets(window.from, window.to, settings.timeZone));
  return {
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
    timeZone: settings.timeZone,
    filters,
    summary,
    series,
  };
}
