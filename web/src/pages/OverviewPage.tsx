import { NotBuiltYet } from "../components/NotBuiltYet.tsx";
import { PageHeader } from "../components/PageHeader.tsx";
import { DeploymentTrendPanel } from "../features/dora/DeploymentTrendPanel.tsx";
import { TrendFilterBar } from "../features/dora/TrendFilterBar.tsx";
import { useTrendFilters } from "../features/dora/useTrendFilters.ts";

export default function OverviewPage() {
  const { filters, setFilters } = useTrendFilters();
  return (
    <>
      <PageHeader title="Overview" description="Are we getting faster and safer, and which team or service slipped?" />
      <TrendFilterBar filters={filters} onChange={setFilters} />
      <DeploymentTrendPanel filters={filters} />
      <NotBuiltYet>
        The other DORA metrics (lead time for changes, change failure rate, failed deployment
        recovery time and
        deployment rework rate) will join deployment frequency here as tiles with their level and
        the change from last
        week, each with its weekly trend.
      </NotBuiltYet>
    </>
  );
}
