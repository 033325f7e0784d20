import { PageHeader } from "../components/PageHeader.tsx";
import { DoraOverview } from "../features/dora/DoraOverview.tsx";
import { GoalsSection } from "../features/goals/GoalsSection.tsx";
import { ScopeFilterBar } from "../features/org/ScopeFilterBar.tsx";
import { useScopeFilters } from "../features/org/useScopeFilters.ts";

export default function OverviewPage() {
  const { filters, setFilters } = useScopeFilters();
  return (
    <>
      <PageHeader title="Overview" description="Are we getting faster and safer, and which team or service slipped?" />
      <ScopeFilterBar filters={filters} onChange={setFilters} />
      <DoraOverview filters={filters} />
      <GoalsSection />
    </>
  );
}
