// The parts of GitLab's webhook payloads that Keel reads, as small zod schemas; every other field
// is ignored. Field names follow GitLab's "Webhook events" documentation. Times are strings here:
// GitLab writes them in three formats (see gitlabTime.ts).
import { z } from "zod";

const Project = z.object({
  /** "gitlab-org/gitlab-test": the repository; its last segment is the service. */
  path_with_namespace: z.string(),
  ci_config_path: z.string().nullish(),
});

const Label = z.object({ title: z.string() });

/** The user who triggered the event (the approver, the note's writer). */
const User = z.object({ id: z.number().nullish(), username: z.string().nullish() });

export const DeploymentHook = z.object({
  deployment_id: z.number(),
  /** created, running, success, failed, canceled, blocked */
  status: z.string(),
  status_changed_at: z.string(),
  environment: z.string(),
  deployable_url: z.string().nullish(),
  short_sha: z.string().nullish(),
  commit_url: z.string().nullish(),
  project: Project,
});

export const PipelineHook = z.object({
  object_attributes: z.object({
    id: z.number(),
    name: z.string().nullish(),
    ref: z.string().nullish(),
    tag: z.boolean().nullish(),
    sha: z.string(),
    source: z.string().nullish(),
    status: z.string(),
    created_at: z.string(),
    finished_at: z.string().nullish(),
    url: z.string().nullish(),
  }),
  builds: z.array(z.object({ started_at: z.string().nullish() })).nullish(),
  project: Project,
});

export const PushHook = z.object({
  commits: z.array(
    z.object({
      id: z.string(),
      message: z.string(),
      title: z.string().nullish(),
      timestamp: z.string(),
    }),
  ),
  total_commits_count: z.number().nullish(),
  project: Project,
});

export const MergeRequestHook = z.object({
  object_attributes: z.object({
    iid: z.number(),
    title: z.string(),
    action: z.string().nullish(),
    created_at: z.string(),
    updated_at: z.string(),
    merge_commit_sha: z.string().nullish(),
    squash_commit_sha: z.string().nullish(),
    last_commit: z.object({ id: z.string() }).nullish(),
    labels: z.array(Label).nullish(),
    author_id: z.number().nullish(),
  }),
  labels: z.array(Label).nullish(),
  user: User.nullish(),
  project: Project,
});

export const NoteHook = z.object({
  object_attributes: z.object({
    id: z.number(),
    /** Commit, MergeRequest, Issue, Snippet. */
    noteable_type: z.string(),
    author_id: z.number().nullish(),
    created_at: z.string(),
    /** GitLab's own notes ("added 1 commit", "approved this merge request"...). */
    system: z.boolean().nullish(),
  }),
  merge_request: z.object({ iid: z.number(), author_id: z.number().nullish() }).nullish(),
  user: User.nullish(),
  project: Project,
});

export const IssueHook = z.object({
  object_attributes: z.object({
    iid: z.number(),
    title: z.string(),
    /** "Issue", "Incident", ... (GitLab 17.2+); older versions send issue_type "incident". */
    type: z.string().nullish(),
    issue_type: z.string().nullish(),
    state: z.string(),
    created_at: z.string(),
    /** When this state of the issue was made: orders deliveries that arrive out of order. */
    updated_at: z.string().nullish(),
    closed_at: z.string().nullish(),
    /** Incidents only: unknown, low, medium, high, critical. */
    severity: z.string().nullish(),
    url: z.string().nullish(),
    labels: z.array(Label).nullish(),
  }),
  labels: z.array(Label).nullish(),
  project: Project,
});
