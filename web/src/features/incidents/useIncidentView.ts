import { useSearchParams } from "react-router";
import { writeScope, type ScopeFilters } from "../filters/urlFilters.ts";
import { readIncidentView, writeListParams } from "../records/recordFilters.ts";

/** The Incidents page's state, all in the URL: filters, page, the open incident. */
export function useIncidentView() {
  const [params, setParams] = useSearchParams();
  const view = readIncidentView(params);
  return {
    ...view,
    setScope: (filters: ScopeFilters) => setParams((current) => writeListParams(writeScope(current, filters), { page: 1 })),
    setFilters: (values: Partial<Record<"severity" | "state", string>>) => setParams((current) => writeListParams(current, { ...values, page: 1 })),
    setPage: (page: number) => setParams((current) => writeListParams(current, { page })),
    select: (id: string | undefined) => setParams((current) => writeListParams(current, { selected: id })),
  };
}

export type IncidentView = ReturnType<typeof useIncidentView>;
