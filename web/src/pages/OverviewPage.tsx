import { PageHeader } from "../components/PageHeader.tsx";
import { DoraOverview } from "../features/dora/DoraOverview.tsx";
import { GoalsSection } from "../features/goals/GoalsSection.tsx";
import { ScopeFilterBar } from "../features/org/ScopeFilterBar.tsx";
import { useScopeFilters } from "../features/org/useScopeFilters.ts";
import "../features/dora/overview.css";
import "../features/dora/overviewTrends.css";

export default function OverviewPage() {
  const { filters, setFilters } = useScopeFilters();
  // The class the Overview's stylesheets are scoped under, so they reach no other page once loaded.
  return (
    <div className="overview-page">
      <PageHeader title="Overview" description="Are we getting faster and safer, and which team or service slipped?" />
      <ScopeFilterBar filters={filters} onChange={setFilters} />
      <DoraOverview filters={filters} />
      <GoalsSection />
    </div>
  );
}
