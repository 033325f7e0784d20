import { useMemo } from "react";
import { Link } from "react-router";
import { describeApiError } from "../../api/describeApiError.ts";
import { API_DOCS_URL } from "../../api/links.ts";
import { lazyChunk, useLazyChunk } from "../../components/lazyChunk.ts";
import { okabeIto } from "../../charts/palette.ts";
import { QueryError } from "../../components/QueryView.tsx";
import { EmptyState, LoadingState } from "../../components/StateMessage.tsx";
import { scopeQuery, type ScopeFilters } from "../filters/urlFilters.ts";
import { goalsOfScope, useGoals, type GoalView } from "../goals/useGoals.ts";
import { useCatalog, useOrgSettings } from "../org/useOrgSettings.ts";
import { DataQualityNote } from "./DataQualityNote.tsx";
import { dataQualityNotes } from "./doraQuality.ts";
import { doraTrends } from "./doraTrends.ts";
import { doraTiles, methodSentence, previousPeriodLabel, windowLabel, type DoraMetrics, type MetricKey } from "./doraView.ts";
import { MetricTile } from "./MetricTile.tsx";
import type TrendChartsType from "./TrendCharts.tsx";
import type { PullRequestPhases as PullRequestPhasesType } from "./PullRequestPhases.tsx";
import { useDoraReport } from "./useDoraReport.ts";

// The charts bring ECharts, most of the page's weight: a chunk of their own, downloaded alongside
// the data request (the chunk's hook runs after the query has subscribed), so that neither waits
// for the other and the tiles can show first.
interface TrendChartsComponent {
  TrendCharts: typeof TrendChartsType;
  PullRequestPhases: typeof PullRequestPhasesType;
}
const trendCharts = lazyChunk<TrendChartsComponent>(() =>
  import("./TrendCharts.tsx").then((module) => ({ TrendCharts: module.default, PullRequestPhases: module.PullRequestPhases })),
);

/** The five DORA tiles, the data-quality note and the weekly trends, all from one dora.summary answer. */
export function DoraOverview({ filters }: { filters: ScopeFilters }) {
  const settings = useOrgSettings();
  const report = useDoraReport(filters, settings.data?.timeZone);
  const charts = useLazyChunk(trendCharts);

  if (settings.isError) return <QueryError title="The organisation's settings could not be loaded." query={settings} />;
  if (report.isError && !report.data) return <QueryError title="The DORA metrics could not be loaded." query={report} />;
  if (!report.data) return <OverviewSkeleton />;
  return (
    <DoraReportView
      report={report.data}
      filters={filters}
      updating={report.isPlaceholderData}
      failedUpdate={report.isError ? describeApiError(report.error) : null}
      charts={charts}
    />
  );
}

function OverviewSkeleton() {
  return (
    <div role="status" className="overview-loading">
      <span className="visually-hidden">Loading the DORA metrics…</span>
      <div className="tiles" aria-hidden="true">
        {Array.from({ length: 5 }, (_, i) => (
          <div key={i} className="panel tile tile-skeleton">
            <div className="skeleton skeleton-line" />
            <div className="skeleton skeleton-value" />
            <div className="skeleton skeleton-line" />
          </div>
        ))}
      </div>
      <LoadingState label="" chart />
    </div>
  );
}

/** The same colour per metric as its trend chart (doraView TREND). */
const TILE_COLORS: Record<MetricKey, string> = {
  deploymentFrequency: okabeIto.blue,
  leadTime: okabeIto.orange,
  changeFailureRate: okabeIto.vermillion,
  recoveryTime: okabeIto.bluishGreen,
  reworkRate: okabeIto.reddishPurple,
};

interface DoraReportViewProps {
  report: DoraMetrics;
  filters: ScopeFilters;
  updating: boolean;
  failedUpdate: string | null;
  /** Undefined while the charts' code is still downloading. */
  charts: TrendChartsComponent | undefined;
}

function DoraReportView({ report, filters, updating, failedUpdate, charts }: DoraReportViewProps) {
  const dataSince = useCatalog().data?.dataSince;
  const tiles = useMemo(() => doraTiles(report, dataSince), [report, dataSince]);
  const trends = useMemo(() => doraTrends(report), [report]);
  const notes = useMemo(() => dataQualityNotes(report, dataSince), [report, dataSince]);
  const allGoals = useGoals().data?.goals;
  // The first goal per metric on exactly this scope: its status on the tile, its target on the chart.
  const goals = useMemo(() => {
    const byMetric: Partial<Record<MetricKey, GoalView>> = {};
    for (const g of goalsOfScope(allGoals ?? [], filters)) if (g.metric in TILE_COLORS) byMetric[g.metric as MetricKey] ??= g;
    return byMetric;
  }, [allGoals, filters]);
  const empty = report.summary.deploymentFrequency.deployments === 0 && report.summary.recoveryTime.incidents === 0 && report.summary.recoveryTime.open === 0;
  const footers: Partial<Record<MetricKey, { to: string; label: string }>> = {
    deploymentFrequency: { to: `/deployments${scopeQuery(filters)}`, label: "See the deployments" },
    changeFailureRate: { to: `/deployments${scopeQuery(filters, { failure: "yes" })}`, label: "See the failed deployments" },
    recoveryTime: { to: `/incidents${scopeQuery(filters)}`, label: "See the incidents" },
  };

  return (
    <div className={updating ? "overview is-updating" : "overview"} aria-busy={updating}>
      <section
        aria-labelledby="summary-heading"
        data-testid="dora-tiles"
        data-window-from={report.window.from}
        data-window-to={report.window.to}
        data-ready={updating ? "false" : "true"}
      >
        <div className="summary-head">
          <h2 id="summary-heading">
            {windowLabel(report)}
            <span className="muted summary-weeks"> · {filters.weeks} weeks and this week so far</span>
          </h2>
          <p className="muted summary-compare">
            Changes compare with {previousPeriodLabel(report)}. {methodSentence(report)}
          </p>
          {updating ? (
            <p className="updating" role="status">
              Updating…
            </p>
          ) : null}
          {failedUpdate ? (
            <p className="state-detail" role="alert">
              These filters could not be applied: {failedUpdate}
            </p>
          ) : null}
        </div>
        {empty ? (
          <EmptyState>
            Nothing to measure here yet: no successful deployments and no incidents in this period. Send events from your pipeline: see the{" "}
            <a href={API_DOCS_URL}>API docs</a>.
          </EmptyState>
        ) : (
          <div className="tiles">
            {tiles.map((tile) => {
              const footer = footers[tile.key];
              return (
                <MetricTile
                  key={tile.key}
                  tile={tile}
                  color={TILE_COLORS[tile.key]}
                  thresholdsYear={report.thresholdsYear}
                  goal={goals[tile.key]}
                  footer={footer ? <Link to={footer.to}>{footer.label}</Link> : undefined}
                />
              );
            })}
          </div>
        )}
      </section>
      <DataQualityNote notes={notes} openIncidentsHref={`/incidents${scopeQuery(filters, { state: "open" })}`} />
      {empty ? null : charts ? <charts.TrendCharts trends={trends} report={report} goals={goals} /> : <LoadingState label="Loading the charts…" chart />}
      {empty || !charts ? null : <charts.PullRequestPhases filters={filters} window={report.window} />}
    </div>
  );
}
