import { PageHeader } from "../components/PageHeader.tsx";
import { CostFilterBar } from "../features/costs/CostFilterBar.tsx";
import { KnownTeamGate } from "../features/costs/KnownTeamGate.tsx";
import { OrgCalendarGate } from "../features/costs/OrgCalendarGate.tsx";
import { useCostFilters } from "../features/costs/useCostFilters.ts";
import { useOrgCalendar } from "../features/costs/useOrgCalendar.ts";
import { FlakyTestsView } from "../features/flaky/FlakyTestsView.tsx";
import "../features/costs/costViews.css";

export default function FlakyTestsPage() {
  const { filters, setFilters } = useCostFilters();
  const calendar = useOrgCalendar();
  return (
    <>
      <PageHeader title="Flaky tests" description="Which flaky tests hurt most, what they cost, and how quickly a fix pays back." />
      <CostFilterBar filters={filters} onChange={setFilters} today={calendar.today} />
      <KnownTeamGate team={filters.team} onClear={() => setFilters({ weeks: filters.weeks })}>
        <OrgCalendarGate calendar={calendar}>{(today) => <FlakyTestsView filters={filters} today={today} />}</OrgCalendarGate>
      </KnownTeamGate>
    </>
  );
}
