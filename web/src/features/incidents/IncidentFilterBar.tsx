import { ScopeFilterBar } from "../org/ScopeFilterBar.tsx";
import { useCatalog } from "../org/useOrgSettings.ts";
import type { IncidentView } from "./useIncidentView.ts";

/** Period, team, service, environment (incidents attributed to its deployments), then severity and state. */
export function IncidentFilterBar({ view }: { view: IncidentView }) {
  const { filters, setScope, setFilters } = view;
  const severities = useCatalog().data?.severities ?? [];
  const shown = filters.severity && !severities.includes(filters.severity) ? [...severities, filters.severity] : severities;
  return (
    <ScopeFilterBar filters={filters} onChange={setScope}>
      <div className="field">
        <label htmlFor="filter-severity">Severity</label>
        <select id="filter-severity" value={filters.severity ?? ""} onChange={(event) => setFilters({ severity: event.target.value })}>
          <option value="">Any severity</option>
          {shown.map((severity) => (
            <option key={severity} value={severity}>
              {severity}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-state">State</label>
        <select id="filter-state" value={filters.state ?? ""} onChange={(event) => setFilters({ state: event.target.value })}>
          <option value="">Open and resolved</option>
          <option value="open">Open</option>
          <option value="resolved">Resolved</option>
        </select>
      </div>
    </ScopeFilterBar>
  );
}
