// The Deployments and Incidents pages' answers (tRPC deployments.list and .get, incidents.list and
// .get) and the catalog the filters choose from (tRPC catalog.list). A deployment is a failed
// change, and an incident is attributed to one, by the DORA engine's rules (docs/metrics.md §3).
// Fields in the order the server writes them: parsing rebuilds each object in the schema's order.
import { z } from "zod";
import { DeploymentKind, DeploymentStatus } from "../events.ts";
import { AttributionWindow, nullableNumber, Window } from "./common.ts";
import { ServiceTeam, Team } from "./settings.ts";

export const Catalog = z.strictObject({
  /** The teams and services as the Settings page's answers give them (settings.ts). */
  teams: z.array(Team),
  services: z.array(ServiceTeam),
  environments: z.array(z.string()),
  severities: z.array(z.string()),
  /**
   * When Keel's records start: the earliest deployment finished or incident opened; null with no
   * data. A comparison with a period before it compares with missing data, not with a quieter time.
   */
  dataSince: z.string().nullable(),
});
export type CatalogData = z.infer<typeof Catalog>;

/** Which rule made a deployment a failed change (docs/metrics.md, change failure rate). */
const FailureRule = z.enum(["incident", "commit", "rollback", "timeWindow", "revert"]);

/** One page of a list, with the window it is of and the total over all pages. */
const listPage = <Item extends z.ZodType>(item: Item) =>
  z.strictObject({ window: Window, timeZone: z.string(), total: z.number(), offset: z.number(), limit: z.number(), items: z.array(item) });

/** One reason a deployment is a failed change; a deployment may have several. */
const FailureReason = z.strictObject({
  rule: FailureRule,
  /** The incident, for the incident, commit and timeWindow rules. */
  incidentId: z.string().nullable(),
  /** The rollback deployment, for the rollback rule. */
  rollbackId: z.string().nullable(),
  /** The reverting change's sha, for the revert rule. */
  revertSha: z.string().nullable(),
});

const DeploymentItem = z.strictObject({
  id: z.string(),
  service: z.string(),
  team: z.string().nullable(),
  environment: z.string(),
  status: DeploymentStatus,
  kind: DeploymentKind,
  startedAt: z.string().nullable(),
  finishedAt: z.string(),
  commitSha: z.string().nullable(),
  repository: z.string().nullable(),
  rollbackOfDeploymentId: z.string().nullable(),
  remediatesIncidentId: z.string().nullable(),
  url: z.string().nullable(),
  /** Changes (commits) it shipped. */
  changes: z.number(),
  /** Successful deployments: whether it caused a failure. Others count nowhere: null. */
  changeFailure: z.boolean().nullable(),
  /** Why it counts as a failure (empty when it does not). */
  failureReasons: z.array(FailureReason),
});
export type DeploymentItemData = z.infer<typeof DeploymentItem>;

/** How every answer names an incident (the lists, the details, the weekly report). */
export const IncidentName = z.strictObject({ id: z.string(), title: z.string().nullable(), severity: z.string().nullable() });

/** A successful deployment an incident makes a failed change, and the rule that applied. */
const Attribution = z.strictObject({
  deploymentId: z.string(),
  rule: FailureRule.exclude(["rollback", "revert"]),
  service: z.string(),
  finishedAt: z.string(),
  commitSha: z.string().nullable(),
});

const IncidentItem = z.strictObject({
  ...IncidentName.shape,
  service: z.string().nullable(),
  team: z.string().nullable(),
  openedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  /** resolvedAt − openedAt in hours; null while open. */
  recoveryHours: nullableNumber,
  responders: nullableNumber,
  causedByDeploymentId: z.string().nullable(),
  causedByCommitSha: z.string().nullable(),
  notCausedByChange: z.boolean(),
  url: z.string().nullable(),
  /** The successful deployments (of the filtered environment) it makes failed changes, and why. */
  attributedTo: z.array(Attribution),
});
export type IncidentItemData = z.infer<typeof IncidentItem>;

// The two lists answer the same page shape.
export const DeploymentList = listPage(DeploymentItem);
export type DeploymentListData = z.infer<typeof DeploymentList>;
export const IncidentList = listPage(IncidentItem);
export type IncidentListData = z.infer<typeof IncidentList>;

const DeploymentRef = z.strictObject({
  id: z.string(),
  service: z.string(),
  environment: z.string(),
  status: DeploymentStatus,
  kind: DeploymentKind,
  finishedAt: z.string(),
  commitSha: z.string().nullable(),
});
export type DeploymentRefData = z.infer<typeof DeploymentRef>;

const IncidentRef = z.strictObject({
  ...IncidentName.shape,
  openedAt: z.string(),
  resolvedAt: z.string().nullable(),
  causedByCommitSha: z.string().nullable(),
});
export type IncidentRefData = z.infer<typeof IncidentRef>;

export const DeploymentDetail = z.strictObject({
  timeZone: z.string(),
  ...AttributionWindow.shape,
  deployment: DeploymentItem,
  causes: z.array(
    z.strictObject({
      rule: FailureRule,
      incident: IncidentRef.nullable(),
      rollback: DeploymentRef.nullable(),
      /** The reverting change's sha, for the revert rule. */
      revertSha: z.string().nullable(),
    }),
  ),
  changes: z.array(
    z.strictObject({
      sha: z.string(),
      repository: z.string(),
      title: z.string().nullable(),
      category: z.string(),
      committedAt: z.string(),
      prNumber: nullableNumber,
      /** Lead time is counted at this deployment (its first successful delivery here). */
      countedHere: z.boolean(),
      /** Where the lead time is counted, when elsewhere (an earlier deployment shipped it first). */
      firstDeploymentId: z.string().nullable(),
      /** Hours from commit to that first delivery; negative ones are excluded from the metric. */
      leadTimeHours: nullableNumber,
    }),
  ),
  rollbackOf: DeploymentRef.nullable(),
  remediates: IncidentRef.nullable(),
});
export type DeploymentDetailData = z.infer<typeof DeploymentDetail>;

export const IncidentDetail = z.strictObject({
  timeZone: z.string(),
  environment: z.string(),
  ...AttributionWindow.shape,
  incident: IncidentItem,
  /** The deployment its causedByDeploymentId names, if Keel has it (whatever its status or environment). */
  namedDeployment: DeploymentRef.nullable(),
  remediatedBy: z.array(DeploymentRef),
});
export type IncidentDetailData = z.infer<typeof IncidentDetail>;
