import { NotBuiltYet } from "../components/NotBuiltYet.tsx";
import { PageHeader } from "../components/PageHeader.tsx";

export default function WeeklyReportPage() {
  return (
    <>
      <PageHeader title="Weekly report" description="The week's delivery health on one page." />
      <NotBuiltYet>
        For a chosen week and, optionally, a team, it will show the five DORA metrics with their
        level and change from the previous week, hours lost by cause with their cost, the top five
        flaky tests by hours lost, investment balance against target, the week's incidents, and the
        business summaries. The same report will be available as Markdown and HTML from the API and
        the keel CLI.
      </NotBuiltYet>
    </>
  );
}
