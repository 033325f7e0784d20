import { NotBuiltYet } from "../components/NotBuiltYet.tsx";
import { PageHeader } from "../components/PageHeader.tsx";

export default function InvestmentPage() {
  return (
    <>
      <PageHeader title="Investment" description="Is our debt allocation paying off?" />
      <NotBuiltYet>
        It will show, per team and week, the share of changes that went to features, debt, bugs and
        unplanned work against the debt target (20% unless changed in settings), with the
        unclassified share shown too, next to the trend of hours lost, and flaky tests ranked by
        cost with their fix payback.
      </NotBuiltYet>
    </>
  );
}
