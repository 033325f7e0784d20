import { ScopeFilterBar } from "../org/ScopeFilterBar.tsx";
import { FilterSelect } from "../records/FilterSelect.tsx";
import type { DeploymentView } from "./useDeploymentView.ts";

const STATUS_OPTIONS = [
  ["", "Any status"],
  ["success", "Succeeded"],
  ["failure", "Failed"],
  ["cancelled", "Cancelled"],
] as const;
const KIND_OPTIONS = [
  ["", "Any kind"],
  ["normal", "Normal"],
  ["rollback", "Rollback"],
  ["hotfix", "Hotfix"],
] as const;
const OUTCOME_OPTIONS = [
  ["", "Any outcome"],
  ["yes", "Caused a failure"],
  ["no", "Caused no failure"],
] as const;

/** Period, team, service, environment, then status, kind and whether a deployment caused a failure. */
export function DeploymentFilterBar({ view }: { view: DeploymentView }) {
  const { filters, setScope, setFilters } = view;
  return (
    <ScopeFilterBar filters={filters} onChange={setScope}>
      <FilterSelect id="filter-status" label="Status" value={filters.status} options={STATUS_OPTIONS} onChange={(status) => setFilters({ status })} />
      <FilterSelect id="filter-kind" label="Kind" value={filters.kind} options={KIND_OPTIONS} onChange={(kind) => setFilters({ kind })} />
      <FilterSelect id="filter-failure" label="Outcome" value={filters.failure} options={OUTCOME_OPTIONS} onChange={(failure) => setFilters({ failure })} />
    </ScopeFilterBar>
  );
}
