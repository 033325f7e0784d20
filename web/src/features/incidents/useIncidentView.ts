import { readIncidentView } from "../records/recordFilters.ts";
import { useRecordView } from "../records/useRecordView.ts";

/** The Incidents page's state, all in the URL: filters, page, the open incident. */
export function useIncidentView() {
  return useRecordView(readIncidentView);
}

export type IncidentView = ReturnType<typeof useIncidentView>;
