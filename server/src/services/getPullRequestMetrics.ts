// Pull-request phases for a window and filters (GET /api/v1/metrics/pull-requests, tRPC
// dora.pullRequests; definitions in docs/metrics.md "Pull-request phases"). The same window, time
// zone and scope rules as the DORA metrics (prepareDoraQuery).
import type { MetricFiltersData } from "@keel/shared";
import type { Db } from "../db/client.ts";
import { pullRequestPhases } from "../db/queries/dora/pullRequests.ts";
import { buildPullRequestReport, type PullRequestBucket, type PullRequestSummary } from "../metrics/pullRequestReport.ts";
import { weekBuckets } from "@keel/shared/calendar";
import { prepareDoraQuery } from "./getDoraMetrics.ts";

export interface PullRequestMetrics {
  window: { from: string; to: string };
  timeZone: string;
  filters: { team: string | null; service: string | null; environment: string };
  summary: PullRequestSummary;
  series: PullRequestBucket[];
}

export async function getPullRequestMetrics({ db, input }: { db: Db; input: MetricFiltersData }): Promise<PullRequestMetrics> {
  const { settings, window, q } = await prepareDoraQuery({ db, input });
  const { rows, undeployed } = await pullRequestPhases(db, q);
  const { summary, series } = buildPullRequestReport(rows, undeployed, weekBuckets(window.from, window.to, settings.timeZone));
  return {
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
    timeZone: settings.timeZone,
    filters: { team: input.team ?? null, service: input.service ?? null, environment: input.environment },
    summary,
    series,
  };
}
