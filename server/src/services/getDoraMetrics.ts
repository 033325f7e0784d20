// The five DORA metrics for a window and filters (api.md "Reading", GET /api/v1/metrics/dora;
// definitions in docs/metrics.md). The database counts, buckets and takes percentiles for the
// window and its previous period at once; buildDoraReport finishes in TypeScript.
import type { MetricFiltersData } from "@keel/shared";
import type { DoraMetricsData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { dataVersion } from "../db/queries/dataVersion.ts";
import { deploymentsWithoutChanges, incidentsWithoutService, type CountWithExamples } from "../db/queries/dora/dataQuality.ts";
import { deploymentOutcomes } from "../db/queries/dora/deploymentOutcomes.ts";
import { leadTime } from "../db/queries/dora/leadTime.ts";
import { openIncidents, recoveryTime } from "../db/queries/dora/recoveryTime.ts";
import { buildDoraReport } from "../metrics/doraReport.ts";
import { createReportCache, reportKey } from "./cache/reportCache.ts";
import { resolveScope, type Scope } from "./scope/resolveScope.ts";
import { weekBuckets } from "@keel/shared/calendar";

export type DoraMetricsInput = MetricFiltersData & { bucket?: "week" | undefined };

/** The answer: its schema in shared/src/outputs/dora.ts is the one definition (OpenAPI, tRPC output). */
export type DoraMetrics = DoraMetricsData;
type ExampleList = DoraMetrics["dataQuality"]["openIncidents"];

const MAX_EXAMPLES = 20;
const list = (count: number, examples: string[] | null | undefined): ExampleList => ({ count, examples: (examples ?? []).slice(0, MAX_EXAMPLES) });
const fromRow = (row: CountWithExamples): ExampleList => list(row.count, row.examples);

/** Recent reports by data version: the Overview, the API and the weekly report ask for the same ones. */
const reports = createReportCache<DoraMetrics>({ max: 64 });

export async function getDoraMetrics({ db, input }: { db: Db; input: DoraMetricsInput }): Promise<DoraMetrics> {
  // The version is read before anything else (services/cache/reportCache.ts). A report depends
  // only on the data (settings, teams and services included, all under the version) and the
  // request, so a repeated request costs this one read.
  const version = await dataVersion(db);
  return reports.get(db, version, reportKey(input), async () => computeDoraMetrics(db, await resolveScope({ db, input })));
}

async function computeDoraMetrics(db: Db, { settings, window, q, filters }: Scope): Promise<DoraMetrics> {
  const { timeZone, thresholdsYear, attributionWindowDays, attributionWindowHours, recoveryTimeFrom } = settings;
  // Independent statements: on PostgreSQL they run on separate pooled connections at once.
  const [deployments, lead, recovery, open, withoutCommits, withoutService] = await Promise.all([
    deploymentOutcomes(db, q),
    leadTime(db, q),
    recoveryTime(db, q),
    openIncidents(db, q),
    deploymentsWithoutChanges(db, q),
    incidentsWithoutService(db, q),
  ]);

  const { summary, series } = buildDoraReport({
    rows: { deployments, leadTime: lead, recovery, open: { current: open.open, previous: open.previousOpen } },
    buckets: { current: weekBuckets(window.from, window.to, timeZone), previous: weekBuckets(window.previousFrom, window.from, timeZone) },
    days: window.days,
    thresholdsYear,
  });
  const leadTotal = lead.find((r) => r.period === "current" && r.week === null);

  return {
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
    previousWindow: { from: window.previousFrom.toISOString(), to: window.from.toISOString() },
    timeZone,
    filters,
    thresholdsYear,
    attributionWindowDays,
    attributionWindowHours,
    recoveryTimeFrom,
    summary,
    series,
    dataQuality: {
      changesWithNegativeLeadTime: list(leadTotal?.excludedNegative ?? 0, leadTotal?.negativeExamples),
      deploymentsWithoutCommits: fromRow(withoutCommits),
      incidentsWithoutService: fromRow(withoutService),
      openIncidents: list(open.open, open.examples),
    },
  };
}
