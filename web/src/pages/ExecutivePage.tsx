import { NotBuiltYet } from "../components/NotBuiltYet.tsx";
import { PageHeader } from "../components/PageHeader.tsx";

export default function ExecutivePage() {
  return (
    <>
      <PageHeader title="Executive" description="What poor engineering health costs, and what our fixes saved." />
      <NotBuiltYet>
        It will show the engineering hours lost to flaky tests, change failures and rework, and what
        they cost; the cost avoided since fixes; and one-sentence business summaries that show their
        arithmetic and link to the cost model they used.
      </NotBuiltYet>
    </>
  );
}
