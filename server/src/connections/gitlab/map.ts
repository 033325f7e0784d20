// GitLab REST v4 answers → Keel events, pure. The API objects carry what GitLab's webhooks carry, so
// each record is put in its webhook's shape and goes through the webhook adapter's mapping
// (ingest/gitlab/map.ts): a record synced and the same record delivered by a webhook are one event
// with one id, mapped by one rule.
import { mapGitlab } from "../../ingest/gitlab/map.ts";
import { gitlabTime } from "../../ingest/gitlab/gitlabTime.ts";
import type { MapResult } from "../../ingest/mapResult.ts";
import { withShipped, type ShippedChange } from "../shipped.ts";

export interface GitlabProject {
  id: number;
  /** "acme/checkout": the repository; its last segment is the service. */
  path_with_namespace: string;
  web_url?: string | null;
  ci_config_path?: string | null;
}

export interface GitlabDeployment {
  id: number;
  sha: string;
  /** created, running, success, failed, canceled, blocked */
  status: string;
  created_at: string;
  updated_at: string;
  environment: { name: string };
  deployable?: { started_at?: string | null; finished_at?: string | null; web_url?: string | null } | null;
}

export interface GitlabCommit {
  id: string;
  message: string;
  authored_date?: string | null;
  committed_date?: string | null;
  created_at?: string | null;
}

export interface GitlabMergeRequest {
  iid: number;
  created_at: string;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
  squash_commit_sha?: string | null;
  labels?: string[] | null;
}

export interface ShippedCommit extends GitlabCommit {
  mergeRequest?: GitlabMergeRequest | undefined;
}

export interface GitlabPipeline {
  id: number;
  name?: string | null;
  ref?: string | null;
  tag?: boolean | null;
  sha: string;
  source?: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  started_at?: string | null;
  finished_at?: string | null;
  web_url?: string | null;
}

export interface GitlabIssue {
  iid: number;
  title: string;
  /** opened, closed */
  state: string;
  created_at: string;
  updated_at: string;
  closed_at?: string | null;
  labels?: string[] | null;
  issue_type?: string | null;
  type?: string | null;
  severity?: string | null;
  web_url?: string | null;
}

const hookProject = (project: GitlabProject) => ({ path_with_namespace: project.path_with_namespace, ci_config_path: project.ci_config_path });

/** The merge request that brought a commit in: the one it is the merge or squash commit of, else a merged one. */
export function mergeRequestOfCommit(sha: string, requests: GitlabMergeRequest[]): GitlabMergeRequest | undefined {
  return requests.find((r) => r.merge_commit_sha === sha || r.squash_commit_sha === sha) ?? requests.find((r) => r.merged_at) ?? requests[0];
}

/**
 * A finished deployment (as the Deployment Hook maps it: success, failed → failure, canceled →
 * cancelled) with, when successful, the commits it shipped and a change per merged request's commit.
 * The API, unlike the hook, says when the deployment's job started and finished.
 */
export function mapDeployment(project: GitlabProject, deployment: GitlabDeployment, shipped: ShippedCommit[]): MapResult {
  const finished = deployment.deployable?.finished_at ?? deployment.updated_at;
  const mapped = mapGitlab("Deployment Hook", {
    deployment_id: deployment.id,
    status: deployment.status,
    status_changed_at: finished,
    environment: deployment.environment.name,
    deployable_url: deployment.deployable?.web_url,
    commit_url: project.web_url ? `${project.web_url}/-/commit/${deployment.sha}` : undefined,
    short_sha: deployment.sha,
    project: hookProject(project),
  });
  const [event] = mapped.events;
  if (event?.type !== "deployment") return mapped;
  const startedAt = gitlabTime(deployment.deployable?.started_at ?? deployment.created_at);
  const timed = startedAt && Date.parse(startedAt) <= Date.parse(event.finishedAt) ? { ...event, startedAt } : event;
  if (timed.status !== "success") return { ...mapped, events: [timed] };
  return { ...mapped, events: withShipped(timed, shipped.map(shippedChange)) };
}

function shippedChange(c: ShippedCommit): ShippedChange {
  const mr = c.mergeRequest;
  const mergedAt = gitlabTime(mr?.merged_at);
  return {
    sha: c.id,
    committedAt: gitlabTime(c.committed_date ?? c.created_at ?? c.authored_date) ?? "",
    authoredAt: gitlabTime(c.authored_date),
    message: c.message,
    merged: mr && mergedAt ? { number: mr.iid, openedAt: gitlabTime(mr.created_at) ?? mergedAt, mergedAt, labels: mr.labels ?? [] } : undefined,
  };
}

/** A finished pipeline as a build (one still running is not a build yet: the Pipeline Hook's rule). */
export function mapPipeline(project: GitlabProject, pipeline: GitlabPipeline): MapResult {
  return mapGitlab("Pipeline Hook", {
    object_attributes: {
      id: pipeline.id,
      name: pipeline.name,
      ref: pipeline.ref,
      tag: pipeline.tag,
      sha: pipeline.sha,
      source: pipeline.source,
      status: pipeline.status,
      created_at: pipeline.created_at,
      finished_at: pipeline.finished_at,
      url: pipeline.web_url,
    },
    builds: pipeline.started_at ? [{ started_at: pipeline.started_at }] : [],
    project: hookProject(project),
  });
}

/** An incident issue (issue_type incident, or an `incident` label), as the Issue Hook maps it. */
export function mapIssue(project: GitlabProject, issue: GitlabIssue): MapResult {
  return mapGitlab("Issue Hook", {
    object_attributes: {
      iid: issue.iid,
      title: issue.title,
      type: issue.type,
      issue_type: issue.issue_type,
      state: issue.state,
      created_at: issue.created_at,
      updated_at: issue.updated_at,
      closed_at: issue.closed_at,
      severity: issue.severity,
      url: issue.web_url,
      labels: (issue.labels ?? []).map((title) => ({ title })),
    },
    project: hookProject(project),
  });
}
