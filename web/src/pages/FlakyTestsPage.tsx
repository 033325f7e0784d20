import { NotBuiltYet } from "../components/NotBuiltYet.tsx";
import { PageHeader } from "../components/PageHeader.tsx";

export default function FlakyTestsPage() {
  return (
    <>
      <PageHeader title="Flaky tests" description="Which flaky tests hurt most." />
      <NotBuiltYet>
        It will rank flaky tests by the engineer-hours they cost, with each test's flip history,
        when it was first and last seen, whether it is fixed, and how quickly fixing it would pay
        back.
      </NotBuiltYet>
    </>
  );
}
