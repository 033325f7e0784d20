import { useMemo } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { API_DOCS_URL } from "../../api/links.ts";
import { EChart } from "../../charts/EChart.tsx";
import { deploymentsPerWeekOption, type WeekDeployments } from "../../charts/options/deploymentsPerWeek.ts";
import { EmptyState, ErrorState, LoadingState } from "../../components/StateMessage.tsx";
import { deploymentChartLabel, deploymentTotalSentence } from "./deploymentSummary.ts";
import { DeploymentWeeksTable } from "./DeploymentWeeksTable.tsx";
import type { TrendFilters } from "./trendFilters.ts";
import { useDeploymentTrend } from "./useDeploymentTrend.ts";

/** Deployment frequency: a sentence with the total, then the weekly bars. */
export function DeploymentTrendPanel({ filters }: { filters: TrendFilters }) {
  return (
    <section className="panel" aria-labelledby="deployment-trend-heading">
      <h2 id="deployment-trend-heading">Deployment frequency</h2>
      <DeploymentTrendBody filters={filters} />
    </section>
  );
}

function DeploymentTrendBody({ filters }: { filters: TrendFilters }) {
  const trend = useDeploymentTrend(filters);

  if (trend.isPending) return <LoadingState label="Loading deployments…" chart />;
  if (trend.isError) {
    return (
      <ErrorState
        title="Deployments could not be loaded."
        detail={describeApiError(trend.error)}
        onRetry={() => void trend.refetch()}
        retrying={trend.isFetching}
      />
    );
  }
  if (trend.data.total === 0) {
    return (
      <EmptyState>
        No deployments in this window yet. Send one: see the <a href={API_DOCS_URL}>API docs</a>.
      </EmptyState>
    );
  }
  return (
    <>
      <p className="lead">{deploymentTotalSentence({ total: trend.data.total, ...filters })}</p>
      <DeploymentTrendChart series={trend.data.series} />
      <DeploymentWeeksTable series={trend.data.series} />
    </>
  );
}

function DeploymentTrendChart({ series }: { series: WeekDeployments[] }) {
  const option = useMemo(() => deploymentsPerWeekOption(series), [series]);
  return <EChart option={option} ariaLabel={deploymentChartLabel(series)} />;
}
