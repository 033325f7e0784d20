import { ScopeFilterBar } from "../org/ScopeFilterBar.tsx";
import { useCatalog } from "../org/useOrgSettings.ts";
import { FilterSelect } from "../records/FilterSelect.tsx";
import type { IncidentView } from "./useIncidentView.ts";

const STATE_OPTIONS = [
  ["", "Open and resolved"],
  ["open", "Open"],
  ["resolved", "Resolved"],
] as const;

/** Period, team, service, environment (incidents attributed to its deployments), then severity and state. */
export function IncidentFilterBar({ view }: { view: IncidentView }) {
  const { filters, setScope, setFilters } = view;
  const severities = useCatalog().data?.severities ?? [];
  const shown = filters.severity && !severities.includes(filters.severity) ? [...severities, filters.severity] : severities;
  return (
    <ScopeFilterBar filters={filters} onChange={setScope}>
      <FilterSelect
        id="filter-severity"
        label="Severity"
        value={filters.severity}
        options={[["", "Any severity"], ...shown.map((severity) => [severity, severity] as const)]}
        onChange={(severity) => setFilters({ severity })}
      />
      <FilterSelect id="filter-state" label="State" value={filters.state} options={STATE_OPTIONS} onChange={(state) => setFilters({ state })} />
    </ScopeFilterBar>
  );
}
