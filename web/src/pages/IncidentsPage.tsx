import { PageHeader } from "../components/PageHeader.tsx";
import { IncidentFilterBar } from "../features/incidents/IncidentFilterBar.tsx";
import { IncidentList } from "../features/incidents/IncidentList.tsx";
import { useIncidentView } from "../features/incidents/useIncidentView.ts";

export default function IncidentsPage() {
  const view = useIncidentView();
  return (
    <>
      <PageHeader title="Incidents" description="Incidents, how long recovery took, and the deployment each one counts against." />
      <IncidentFilterBar view={view} />
      <IncidentList view={view} />
    </>
  );
}
