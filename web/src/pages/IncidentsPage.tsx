import { IncidentFilterBar } from "../features/incidents/IncidentFilterBar.tsx";
import { IncidentList } from "../features/incidents/IncidentList.tsx";
import { useIncidentView } from "../features/incidents/useIncidentView.ts";
import { RecordsPage } from "../features/records/RecordsPage.tsx";

export default function IncidentsPage() {
  return <RecordsPage noun="incidents" useView={useIncidentView} FilterBar={IncidentFilterBar} List={IncidentList} />;
}
