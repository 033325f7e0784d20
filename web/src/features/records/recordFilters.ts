// The Deployments and Incidents pages' own filters, kept in the URL beside the period and scope:
// what the list shows, which page, and which record is open.
import type { DeploymentListQueryInput, IncidentListQueryInput } from "@keel/shared";
import { readChoice, readId, readName, readPage, readScope, scopeInput, writeParams, type ScopeFilters } from "../filters/urlFilters.ts";

export const PAGE_SIZE = 25;

export const DEPLOYMENT_STATUSES = ["success", "failure", "cancelled"] as const;
export const DEPLOYMENT_KINDS = ["normal", "rollback", "hotfix"] as const;
export const FAILURE_CHOICES = ["yes", "no"] as const;
export const INCIDENT_STATES = ["open", "resolved"] as const;

export interface DeploymentFilters extends ScopeFilters {
  status?: (typeof DEPLOYMENT_STATUSES)[number];
  kind?: (typeof DEPLOYMENT_KINDS)[number];
  /** yes: caused a failure; no: successful and caused none. */
  failure?: (typeof FAILURE_CHOICES)[number];
}

export interface IncidentFilters extends ScopeFilters {
  severity?: string;
  state?: (typeof INCIDENT_STATES)[number];
}

export interface ListView<F> {
  filters: F;
  /** 1-based. */
  page: number;
  /** The record whose details are open. */
  selected?: string;
}

function withDefined<T extends object>(base: T, extra: Record<string, string | undefined>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) out[key] = value;
  return out as T;
}

export function readDeploymentView(params: URLSearchParams): ListView<DeploymentFilters> {
  const filters = withDefined<DeploymentFilters>(readScope(params), {
    status: readChoice(params.get("status"), DEPLOYMENT_STATUSES),
    kind: readChoice(params.get("kind"), DEPLOYMENT_KINDS),
    failure: readChoice(params.get("failure"), FAILURE_CHOICES),
  });
  return withDefined<ListView<DeploymentFilters>>({ filters, page: readPage(params.get("page")) }, { selected: readId(params.get("selected")) });
}

export function readIncidentView(params: URLSearchParams): ListView<IncidentFilters> {
  const severity = readName(params.get("severity"));
  const filters = withDefined<IncidentFilters>(readScope(params), {
    severity: severity && severity.length <= 50 ? severity : undefined,
    state: readChoice(params.get("state"), INCIDENT_STATES),
  });
  return withDefined<ListView<IncidentFilters>>({ filters, page: readPage(params.get("page")) }, { selected: readId(params.get("selected")) });
}

/** The URL parameters of a list's own filters (the scope is written by writeScope). */
export function writeListParams(current: URLSearchParams, values: Record<string, string | number | undefined>): URLSearchParams {
  return writeParams(current, values, { page: 1 });
}

export function deploymentListInput(filters: DeploymentFilters, window: { from: string; to: string }, page: number): DeploymentListQueryInput {
  const input: DeploymentListQueryInput = { ...scopeInput(filters, window), offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  if (filters.status) input.status = filters.status;
  if (filters.kind) input.kind = filters.kind;
  if (filters.failure) input.changeFailure = filters.failure === "yes";
  return input;
}

export function incidentListInput(filters: IncidentFilters, window: { from: string; to: string }, page: number): IncidentListQueryInput {
  const input: IncidentListQueryInput = { ...scopeInput(filters, window), offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  if (filters.severity) input.severity = filters.severity;
  if (filters.state) input.state = filters.state;
  return input;
}

/** "Showing 26–50 of 1,148" parts: the first and last row shown (1-based) and the page count. */
export function pageSpan(offset: number, shown: number, total: number, pageSize = PAGE_SIZE): { first: number; last: number; pages: number } {
  return { first: shown === 0 ? 0 : offset + 1, last: offset + shown, pages: Math.max(1, Math.ceil(total / pageSize)) };
}
