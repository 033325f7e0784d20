import { ScopeFilterBar } from "../org/ScopeFilterBar.tsx";
import type { DeploymentView } from "./useDeploymentView.ts";

/** Period, team, service, environment, then status, kind and whether a deployment caused a failure. */
export function DeploymentFilterBar({ view }: { view: DeploymentView }) {
  const { filters, setScope, setFilters } = view;
  return (
    <ScopeFilterBar filters={filters} onChange={setScope}>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" value={filters.status ?? ""} onChange={(event) => setFilters({ status: event.target.value })}>
          <option value="">Any status</option>
          <option value="success">Succeeded</option>
          <option value="failure">Failed</option>
          <option value="cancelled">Cancelled</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-kind">Kind</label>
        <select id="filter-kind" value={filters.kind ?? ""} onChange={(event) => setFilters({ kind: event.target.value })}>
          <option value="">Any kind</option>
          <option value="normal">Normal</option>
          <option value="rollback">Rollback</option>
          <option value="hotfix">Hotfix</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-failure">Outcome</label>
        <select id="filter-failure" value={filters.failure ?? ""} onChange={(event) => setFilters({ failure: event.target.value })}>
          <option value="">Any outcome</option>
          <option value="yes">Caused a failure</option>
          <option value="no">Caused no failure</option>
        </select>
      </div>
    </ScopeFilterBar>
  );
}
