import { NotBuiltYet } from "../components/NotBuiltYet.tsx";
import { PageHeader } from "../components/PageHeader.tsx";

export default function IncidentsPage() {
  return (
    <>
      <PageHeader title="Incidents" description="Incidents and how long recovery took." />
      <NotBuiltYet>
        It will list incidents with their service, severity, when they were opened, acknowledged and
        resolved, their recovery time, and the deployment or commit that caused them; open incidents
        are listed apart.
      </NotBuiltYet>
    </>
  );
}
