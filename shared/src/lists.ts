// Queries of the Deployments and Incidents pages: the metric filters (a window [from, to), team,
// service, environment) plus each list's own, and a page (offset and size; answers carry the total).
import { z } from "zod";
import { DeploymentKind, DeploymentStatus, EventId } from "./events.ts";
import { Filters, MetricFilters } from "./filters.ts";

export const LIST_PAGE_SIZES = [25, 50, 100] as const;
export const LIST_MAX_PAGE_SIZE = 100;

const page = {
  offset: z.int().min(0).max(1_000_000).default(0),
  limit: z.int().min(1).max(LIST_MAX_PAGE_SIZE).default(25),
};

/** Deployments finished in the window, any status, newest first. */
export const DeploymentListQuery = MetricFilters.safeExtend({
  status: DeploymentStatus.optional(),
  kind: DeploymentKind.optional(),
  /** true: only successful deployments that caused a failure (the DORA engine's rules); false: only those that did not. */
  changeFailure: z.boolean().optional(),
  ...page,
}).strict();
export type DeploymentListQueryInput = z.input<typeof DeploymentListQuery>;
export type DeploymentListQueryData = z.output<typeof DeploymentListQuery>;

export const INCIDENT_STATES = ["open", "resolved"] as const;

/** Incidents open at any moment of the window (opened before `to`, not resolved before `from`), newest first. */
export const IncidentListQuery = MetricFilters.safeExtend({
  severity: z.string().trim().min(1).max(50).optional(),
  /** open: not resolved yet; resolved: resolved (at any time). */
  state: z.enum(INCIDENT_STATES).optional(),
  ...page,
}).strict();
export type IncidentListQueryInput = z.input<typeof IncidentListQuery>;
export type IncidentListQueryData = z.output<typeof IncidentListQuery>;

/** One deployment by its id. */
export const DeploymentRecordQuery = z.strictObject({ id: EventId });

/** One incident by its id; the deployments it is attributed to are successful deployments of `environment`. */
export const IncidentRecordQuery = z.strictObject({ id: EventId, environment: Filters.shape.environment });
export type IncidentRecordQueryData = z.output<typeof IncidentRecordQuery>;
