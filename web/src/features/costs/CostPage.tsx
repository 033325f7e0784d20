import type { ReactNode } from "react";
import { PageHeader } from "../../components/PageHeader.tsx";
import type { CostFilters } from "./costFilters.ts";
import { CostFilterBar } from "./CostFilterBar.tsx";
import { KnownTeamGate } from "./KnownTeamGate.tsx";
import { OrgCalendarGate } from "./OrgCalendarGate.tsx";
import { useCostFilters } from "./useCostFilters.ts";
import { useOrgCalendar } from "./useOrgCalendar.ts";
import "./costViews.css";
import "./costTables.css";
import "./costPrint.css";

/**
 * A cost view's page (Executive, Flaky tests, Investment, Weekly report): the cost views'
 * stylesheets, and the class they are scoped under, so that they style this page only and no other
 * page shown after it (a page's stylesheet stays loaded once its chunk has been).
 */
export function CostPage({ children }: { children: ReactNode }) {
  return <div className="cost-page">{children}</div>;
}

interface FilteredCostPageProps {
  title: string;
  description: string;
  /** After the filters: the Executive's print button. */
  actions?: ReactNode;
  /** The view, once the team in the URL is known and the organisation's today has loaded. */
  children: (filters: CostFilters, today: string) => ReactNode;
}

/** A cost view of the period and team in the URL (Executive, Flaky tests): its header, the filter bar, then the view. */
export function FilteredCostPage({ title, description, actions, children }: FilteredCostPageProps) {
  const { filters, setFilters } = useCostFilters();
  const calendar = useOrgCalendar();
  return (
    <CostPage>
      <PageHeader title={title} description={description} />
      <CostFilterBar filters={filters} onChange={setFilters} today={calendar.today}>
        {actions}
      </CostFilterBar>
      <KnownTeamGate team={filters.team} onClear={() => setFilters({ weeks: filters.weeks })}>
        <OrgCalendarGate calendar={calendar}>{(today) => children(filters, today)}</OrgCalendarGate>
      </KnownTeamGate>
    </CostPage>
  );
}
