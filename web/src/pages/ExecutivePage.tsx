import { FilteredCostPage } from "../features/costs/CostPage.tsx";
import { ExecutiveReport } from "../features/costs/ExecutiveReport.tsx";
import { PrintButton } from "../features/costs/PrintButton.tsx";

export default function ExecutivePage() {
  return (
    <FilteredCostPage title="Executive" description="What poor engineering health costs, and what our fixes saved." actions={<PrintButton />}>
      {(filters, today) => <ExecutiveReport filters={filters} today={today} />}
    </FilteredCostPage>
  );
}
