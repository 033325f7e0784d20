import { PageHeader } from "../components/PageHeader.tsx";
import { CostFilterBar } from "../features/costs/CostFilterBar.tsx";
import { OrgCalendarGate } from "../features/costs/OrgCalendarGate.tsx";
import { useCostFilters } from "../features/costs/useCostFilters.ts";
import { useOrgCalendar } from "../features/costs/useOrgCalendar.ts";
import { useTeams } from "../features/costs/useTeams.ts";
import { InvestmentView } from "../features/investment/InvestmentView.tsx";
import { CostPage } from "../features/costs/CostPage.tsx";

export default function InvestmentPage() {
  const { filters, setFilters } = useCostFilters();
  const calendar = useOrgCalendar();
  const teams = useTeams();
  const team = filters.team ?? teams.data?.[0]?.slug;
  return (
    <CostPage>
      <PageHeader
        title="Investment"
        description="Is our debt allocation paying off? Each team's share of changes by category against its target, beside its hours lost."
      />
      <CostFilterBar filters={filters} onChange={setFilters} today={calendar.today} allTeams={false} defaultTeam={team} />
      <OrgCalendarGate calendar={calendar}>{(today) => <InvestmentView filters={filters} today={today} team={team} />}</OrgCalendarGate>
    </CostPage>
  );
}
