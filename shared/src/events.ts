// The ingestion contract of api.md as zod schemas: REST v1, the CLI and the demo generator all
// produce these, and the OpenAPI document is generated from them. `XEvent` is the schema,
// `XEventInput` the type it accepts.
import { z } from "zod";
import { isStorableText } from "./storableText.ts";

export const MAX_ID_LENGTH = 256;
export const MAX_TEXT_LENGTH = 2_000;
export const MAX_BATCH_EVENTS = 5_000;

/** A string PostgreSQL can store. Every string of the contract is built on this. */
export const Text = () => z.string().refine(isStorableText, "must not contain NUL characters or unpaired surrogates");

const id = Text().trim().min(1).max(MAX_ID_LENGTH);
const name = Text().trim().min(1).max(200);
const text = Text().max(MAX_TEXT_LENGTH);
const sha = z
  .string()
  .trim()
  .min(4)
  .max(64)
  .regex(/^[0-9a-zA-Z._-]+$/, "must be a commit sha");
/** An event id (deployments, incidents, builds): also the build id of a JUnit upload. */
export const EventId = id;
/** A service, team, environment or repository name. */
export const Name = name;
/** ISO-8601 with an offset (Z or ±hh:mm), between 1970 and 2100. */
export const Timestamp = z.iso
  .datetime({ offset: true, message: "must be an ISO-8601 date-time with an offset, e.g. 2026-11-20T14:03:00Z" })
  .refine((value) => {
    const time = Date.parse(value);
    // Not a date at all: the format check above has said so already.
    if (Number.isNaN(time)) return true;
    const year = new Date(time).getUTCFullYear();
    return year >= 1970 && year < 2100;
  }, "must be between 1970 and 2100");
// Only web links: these are rendered as links in the dashboard, where javascript: or data: would run.
const url = z
  .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
  .max(MAX_TEXT_LENGTH)
  .refine(isStorableText);
const labels = z.array(Text().trim().min(1).max(100)).max(100);
/** PostgreSQL `int` columns hold 32 bits. */
const prNumber = z.int32().positive();

export const ChangeCategory = z.enum(["feature", "debt", "bug", "unplanned", "other"]);
export type ChangeCategoryValue = z.infer<typeof ChangeCategory>;
export const DeploymentStatus = z.enum(["success", "failure", "cancelled"]);
export const DeploymentKind = z.enum(["normal", "rollback", "hotfix"]);
export const BuildStatus = z.enum(["success", "failure", "cancelled"]);

export const DeploymentCommit = z.strictObject({
  sha,
  committedAt: Timestamp,
  authoredAt: Timestamp.optional(),
  message: text.optional(),
  prNumber: prNumber.optional(),
  prOpenedAt: Timestamp.optional(),
  /** The pull request's first review; earliest wins (docs/metrics.md, "Pull-request phases"). */
  prFirstReviewAt: Timestamp.optional(),
  prMergedAt: Timestamp.optional(),
  /** The sha of the commit this one reverts; read from `message` ("This reverts commit <sha>.") when absent. */
  revertsSha: sha.optional(),
  category: ChangeCategory.optional(),
  labels: labels.optional(),
});

export const DeploymentEvent = z.strictObject({
  type: z.literal("deployment").optional(),
  id,
  service: name,
  environment: name.default("production"),
  status: DeploymentStatus,
  startedAt: Timestamp.optional(),
  finishedAt: Timestamp,
  commitSha: sha.optional(),
  repository: name.optional(),
  team: name.optional(),
  commits: z.array(DeploymentCommit).max(1_000).optional(),
  kind: DeploymentKind.default("normal"),
  rollbackOfDeploymentId: id.optional(),
  remediatesIncidentId: id.optional(),
  url: url.optional(),
});
export type DeploymentEventInput = z.input<typeof DeploymentEvent>;
export type DeploymentEventData = z.output<typeof DeploymentEvent>;

export const ChangeEvent = z.strictObject({
  type: z.literal("change").optional(),
  sha,
  repository: name.optional(),
  service: name.optional(),
  committedAt: Timestamp,
  authoredAt: Timestamp.optional(),
  prNumber: prNumber.optional(),
  prOpenedAt: Timestamp.optional(),
  prMergedAt: Timestamp.optional(),
  /** The pull request's first review (pull-request phases, docs/metrics.md). */
  prFirstReviewAt: Timestamp.optional(),
  /** The sha of the commit this change reverts (the revert rule of the change failure rate, docs/metrics.md). */
  revertsSha: sha.optional(),
  category: ChangeCategory.optional(),
  labels: labels.optional(),
  title: text.optional(),
});
export type ChangeEventData = z.output<typeof ChangeEvent>;

export const IncidentEvent = z.strictObject({
  type: z.literal("incident").optional(),
  id,
  service: name.optional(),
  severity: Text().trim().min(1).max(50).optional(),
  title: text.optional(),
  openedAt: Timestamp,
  acknowledgedAt: Timestamp.optional(),
  resolvedAt: Timestamp.optional(),
  causedByDeploymentId: id.optional(),
  causedByCommitSha: sha.optional(),
  notCausedByChange: z.boolean().optional(),
  responders: z.int().min(0).max(1_000).optional(),
  url: url.optional(),
});
export type IncidentEventInput = z.input<typeof IncidentEvent>;
export type IncidentEventData = z.output<typeof IncidentEvent>;

export const BuildEvent = z.strictObject({
  type: z.literal("build").optional(),
  id,
  pipeline: name,
  service: name.optional(),
  repository: name.optional(),
  commitSha: sha,
  branch: Text().trim().min(1).max(256).optional(),
  trigger: Text().trim().min(1).max(100).optional(),
  attempt: z.int().min(1).max(1_000).default(1),
  status: BuildStatus,
  queuedAt: Timestamp.optional(),
  startedAt: Timestamp,
  finishedAt: Timestamp,
  url: url.optional(),
});
export type BuildEventData = z.output<typeof BuildEvent>;

/** An event of the mixed batch endpoint: `type` is required there. */
export const AnyEvent = z.discriminatedUnion("type", [
  DeploymentEvent.extend({ type: z.literal("deployment") }),
  ChangeEvent.extend({ type: z.literal("change") }),
  IncidentEvent.extend({ type: z.literal("incident") }),
  BuildEvent.extend({ type: z.literal("build") }),
]);
export type AnyEventInput = z.input<typeof AnyEvent>;
export type AnyEventData = z.output<typeof AnyEvent>;

export const EventBatch = z.strictObject({
  events: z.array(AnyEvent).min(1).max(MAX_BATCH_EVENTS),
});
