import { FilteredCostPage } from "../features/costs/CostPage.tsx";
import { FlakyTestsView } from "../features/flaky/FlakyTestsView.tsx";
import "../features/flaky/flakyTests.css";

export default function FlakyTestsPage() {
  return (
    <FilteredCostPage title="Flaky tests" description="Which flaky tests hurt most, what they cost, and how quickly a fix pays back.">
      {(filters, today) => <FlakyTestsView filters={filters} today={today} />}
    </FilteredCostPage>
  );
}
