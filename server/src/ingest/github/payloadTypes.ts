// The parts of GitHub's webhook payloads that Keel reads, as small zod schemas: unknown JSON is
// narrowed here, every other field is ignored. Field names and meanings follow GitHub's
// "Webhook events and payloads" documentation.
import { z } from "zod";

const Repository = z.object({
  /** "Hello-World": used as the service name. */
  name: z.string(),
  /** "Codertocat/Hello-World". */
  full_name: z.string(),
});

const Label = z.object({ name: z.string() });

export const DeploymentStatusPayload = z.object({
  deployment_status: z.object({
    /** error, failure, inactive, pending, success, queued, in_progress */
    state: z.string(),
    created_at: z.string().nullish(),
    updated_at: z.string().nullish(),
    log_url: z.string().nullish(),
    /** The older name of log_url. */
    target_url: z.string().nullish(),
  }),
  deployment: z.object({
    id: z.number(),
    sha: z.string(),
    environment: z.string(),
    created_at: z.string(),
    /** Free-form: an object (or a string) the deployer chose. */
    payload: z.unknown(),
  }),
  repository: Repository,
});

/** A deployment's own `payload` may name the service when one repository deploys several. */
export const DeploymentServicePayload = z.object({ service: z.string().trim().min(1) });

export const WorkflowRunPayload = z.object({
  action: z.string(),
  workflow_run: z.object({
    id: z.number(),
    name: z.string().nullish(),
    path: z.string().nullish(),
    run_attempt: z.number().int().positive().nullish(),
    head_sha: z.string(),
    head_branch: z.string().nullish(),
    event: z.string().nullish(),
    conclusion: z.string().nullish(),
    created_at: z.string(),
    run_started_at: z.string().nullish(),
    updated_at: z.string(),
    html_url: z.string().nullish(),
  }),
  workflow: z.object({ name: z.string().nullish() }).nullish(),
  repository: Repository,
});

export const PushPayload = z.object({
  ref: z.string(),
  commits: z.array(
    z.object({
      id: z.string(),
      message: z.string(),
      timestamp: z.string(),
    }),
  ),
  repository: Repository,
});

export const PullRequestPayload = z.object({
  action: z.string(),
  pull_request: z.object({
    number: z.number(),
    title: z.string(),
    created_at: z.string(),
    merged: z.boolean().nullish(),
    merged_at: z.string().nullish(),
    merge_commit_sha: z.string().nullish(),
    labels: z.array(Label).nullish(),
  }),
  repository: Repository,
});

/** A GitHub account; `type` is "User", "Bot" (apps, dependabot...) or "Organization". */
const User = z.object({ id: z.number(), login: z.string(), type: z.string().nullish() });

export const PullRequestReviewPayload = z.object({
  /** submitted, edited, dismissed: each carries the review with its submitted_at. */
  action: z.string(),
  review: z.object({
    id: z.number(),
    /** null for a reviewer whose account was deleted. */
    user: User.nullish(),
    /** commented, approved, changes_requested, dismissed; pending reviews have no submitted_at. */
    state: z.string(),
    submitted_at: z.string().nullish(),
  }),
  pull_request: z.object({ number: z.number(), user: User.nullish() }),
  repository: Repository,
});

export const IssuesPayload = z.object({
  action: z.string(),
  issue: z.object({
    number: z.number(),
    title: z.string(),
    state: z.string(),
    created_at: z.string(),
    /** When this state of the issue was made: orders deliveries that arrive out of order. */
    updated_at: z.string().nullish(),
    closed_at: z.string().nullish(),
    labels: z.array(Label).nullish(),
    html_url: z.string().nullish(),
  }),
  repository: Repository,
});
