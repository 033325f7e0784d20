import { PageHeader } from "../components/PageHeader.tsx";
import { CostFilterBar } from "../features/costs/CostFilterBar.tsx";
import { ExecutiveReport } from "../features/costs/ExecutiveReport.tsx";
import { KnownTeamGate } from "../features/costs/KnownTeamGate.tsx";
import { OrgCalendarGate } from "../features/costs/OrgCalendarGate.tsx";
import { PrintButton } from "../features/costs/PrintButton.tsx";
import { useCostFilters } from "../features/costs/useCostFilters.ts";
import { useOrgCalendar } from "../features/costs/useOrgCalendar.ts";
import "../features/costs/costViews.css";

export default function ExecutivePage() {
  const { filters, setFilters } = useCostFilters();
  const calendar = useOrgCalendar();
  return (
    <>
      <PageHeader title="Executive" description="What poor engineering health costs, and what our fixes saved." />
      <CostFilterBar filters={filters} onChange={setFilters} today={calendar.today}>
        <PrintButton />
      </CostFilterBar>
      <KnownTeamGate team={filters.team} onClear={() => setFilters({ weeks: filters.weeks })}>
        <OrgCalendarGate calendar={calendar}>{(today) => <ExecutiveReport filters={filters} today={today} />}</OrgCalendarGate>
      </KnownTeamGate>
    </>
  );
}
