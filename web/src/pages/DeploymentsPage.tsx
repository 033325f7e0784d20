import { NotBuiltYet } from "../components/NotBuiltYet.tsx";
import { PageHeader } from "../components/PageHeader.tsx";

export default function DeploymentsPage() {
  return (
    <>
      <PageHeader title="Deployments" description="Every deployment Keel has received." />
      <NotBuiltYet>
        It will list deployments by service and environment with their status, kind (normal,
        rollback or hotfix), start and finish times, the changes each one shipped, and whether it
        caused a failure.
      </NotBuiltYet>
    </>
  );
}
