// GitLab webhook payloads → Keel events, as a pure function of the event kind (the X-Gitlab-Event
// header, e.g. "Push Hook") and the payload.
import type { AnyEventInput } from "@keel/shared";
import type { z } from "zod";
import { hasIncidentLabel, severityFromLabels } from "../incidentLabels.ts";
import { dropped, finishedStatus, firstLine, lastSegment, revertFields, nonEmpty, type MapResult } from "../mapResult.ts";
import { parsedAs } from "../parsedAs.ts";
import { gitlabTime } from "./gitlabTime.ts";
import { DeploymentHook, IssueHook, MergeRequestHook, NoteHook, PipelineHook, PushHook } from "./payloadTypes.ts";
import { approvalActions, mapApproval, mapNote } from "./reviews.ts";

/**
 * The event kinds Keel maps (X-Gitlab-Event), each with the schema its payload is read with and its
 * mapping: the one list of them.
 * `receivedAt`: when Keel received the delivery. An approval's hook carries no time of its own (the
 * merge request's updated_at is not touched by an approval), and GitLab sends it as it happens.
 */
const mappers = new Map<string, (payload: unknown, receivedAt: string | undefined) => MapResult>([
  ["Deployment Hook", parsedAs("Deployment Hook", DeploymentHook, mapDeployment)],
  ["Pipeline Hook", parsedAs("Pipeline Hook", PipelineHook, mapPipeline)],
  ["Push Hook", parsedAs("Push Hook", PushHook, mapPush)],
  ["Merge Request Hook", parsedAs("Merge Request Hook", MergeRequestHook, mapMergeRequest)],
  // Comments on merge requests are reviews (mapNote).
  ["Note Hook", parsedAs("Note Hook", NoteHook, mapNote)],
  ["Issue Hook", parsedAs("Issue Hook", IssueHook, mapIssue)],
  // Issues marked confidential (incidents often are) arrive under their own header.
  ["Confidential Issue Hook", parsedAs("Issue Hook", IssueHook, mapIssue)],
]);

export const gitlabMappedKinds: ReadonlySet<string> = new Set(mappers.keys());

export function mapGitlab(kind: string, payload: unknown, receivedAt?: string): MapResult {
  const map = mappers.get(kind);
  return map ? map(payload, receivedAt) : dropped(`${kind}: not an event kind Keel maps`);
}

const deploymentStatuses = new Map<string, "success" | "failure" | "cancelled" | null>([
  ["success", "success"],
  ["failed", "failure"],
  ["canceled", "cancelled"],
  ["created", null],
  ["running", null],
  ["blocked", null],
]);

// The Deployment Hook has only the short sha; commit_url ends with the full one.
const COMMIT_URL_SHA = /\/commit\/([0-9a-f]{40}|[0-9a-f]{64})$/;

function mapDeployment(d: z.infer<typeof DeploymentHook>): MapResult {
  const what = `deployment ${d.deployment_id}`;
  const status = finishedStatus(deploymentStatuses, d.status, { what, field: "status", finished: "deployment" });
  if (typeof status === "object") return status;
  const finishedAt = gitlabTime(d.status_changed_at);
  if (!finishedAt) return dropped(`${what}: unreadable status_changed_at "${d.status_changed_at}"`);
  const repository = d.project.path_with_namespace;
  return {
    events: [
      {
        type: "deployment",
        id: `gitlab:${d.deployment_id}`,
        service: lastSegment(repository),
        environment: d.environment,
        status,
        finishedAt,
        commitSha: (d.commit_url ? COMMIT_URL_SHA.exec(d.commit_url)?.[1] : undefined) ?? nonEmpty(d.short_sha),
        repository,
        url: nonEmpty(d.deployable_url),
      },
    ],
    dropped: [],
    occurredAt: finishedAt,
  };
}

const pipelineStatuses = new Map<string, "success" | "failure" | "cancelled" | null>([
  ["success", "success"],
  ["failed", "failure"],
  ["canceled", "cancelled"],
  ["skipped", "cancelled"],
  ["created", null],
  ["waiting_for_resource", null],
  ["preparing", null],
  ["pending", null],
  ["running", null],
  ["canceling", null],
  ["manual", null],
  ["scheduled", null],
]);

/** Whether a pipeline's status is a finished one (a build); a sync reads a pipeline's times only then. */
export function isFinishedPipeline(status: string): boolean {
  return Boolean(pipelineStatuses.get(status));
}

function mapPipeline({ object_attributes: p, builds, project }: z.infer<typeof PipelineHook>): MapResult {
  const what = `pipeline ${p.id}`;
  const status = finishedStatus(pipelineStatuses, p.status, { what, field: "status", finished: "pipeline" });
  if (typeof status === "object") return status;
  const finishedAt = gitlabTime(p.finished_at);
  if (!finishedAt) return dropped(`${what}: unreadable finished_at ${JSON.stringify(p.finished_at ?? null)}`);
  const queuedAt = gitlabTime(p.created_at);
  // The hook has no pipeline start time: the pipeline started when its first job did.
  const jobStarts = (builds ?? []).flatMap((b) => gitlabTime(b.started_at) ?? []);
  const startedAt = jobStarts.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? queuedAt;
  if (!startedAt) return dropped(`${what}: unreadable created_at "${p.created_at}"`);
  const repository = project.path_with_namespace;
  return {
    events: [
      {
        type: "build",
        id: `gitlab:${p.id}`,
        // `name` is the pipeline's workflow:name (GitLab 16.1+); without one, the project's
        // single CI configuration is the pipeline.
        pipeline: nonEmpty(p.name) ?? nonEmpty(project.ci_config_path) ?? ".gitlab-ci.yml",
        service: lastSegment(repository),
        repository,
        commitSha: p.sha,
        branch: p.tag ? undefined : nonEmpty(p.ref),
        trigger: nonEmpty(p.source),
        // Retrying jobs re-runs them inside the same pipeline id; a new pipeline is a new build.
        attempt: 1,
        status,
        queuedAt,
        startedAt,
        finishedAt,
        url: nonEmpty(p.url),
      },
    ],
    dropped: [],
    // A retried job finishes the same pipeline again, later.
    occurredAt: finishedAt,
  };
}

function mapPush({ commits, total_commits_count: total, project }: z.infer<typeof PushHook>): MapResult {
  const repository = project.path_with_namespace;
  const events: AnyEventInput[] = [];
  const left: string[] = [];
  for (const commit of commits) {
    const committedAt = gitlabTime(commit.timestamp);
    if (!committedAt) {
      left.push(`commit ${commit.id}: unreadable timestamp "${commit.timestamp}"`);
      continue;
    }
    events.push({
      type: "change",
      sha: commit.id,
      repository,
      service: lastSegment(repository),
      committedAt,
      title: nonEmpty(commit.title) ?? firstLine(commit.message),
      ...revertFields(commit.message),
    });
  }
  // GitLab lists at most the newest 20 commits of a push; total_commits_count has them all.
  if (total && total > commits.length) left.push(`push: ${total - commits.length} of ${total} commits are not in the payload`);
  return { events, dropped: left };
}

function mapMergeRequest(hook: z.infer<typeof MergeRequestHook>, receivedAt: string | undefined): MapResult {
  const { object_attributes: mr, project } = hook;
  const what = `merge request !${mr.iid}`;
  if (mr.action && approvalActions.has(mr.action)) return mapApproval(hook, receivedAt);
  if (mr.action !== "merge") return dropped(`${what}: action ${JSON.stringify(mr.action ?? null)} (only merges are changes)`);
  // As GitLab itself resolves "the merged commit": the merge commit, else the squash commit, else
  // (fast-forward merges make neither) the merge request's head commit.
  const sha = nonEmpty(mr.merge_commit_sha) ?? nonEmpty(mr.squash_commit_sha) ?? nonEmpty(mr.last_commit?.id);
  if (!sha) return dropped(`${what}: no merge, squash or head commit`);
  // The hook carries no merged_at; it is sent by the merge, which is its updated_at.
  const mergedAt = gitlabTime(mr.updated_at);
  if (!mergedAt) return dropped(`${what}: unreadable updated_at "${mr.updated_at}"`);
  const repository = project.path_with_namespace;
  return {
    events: [
      {
        type: "change",
        sha,
        repository,
        service: lastSegment(repository),
        committedAt: mergedAt,
        prNumber: mr.iid,
        prOpenedAt: gitlabTime(mr.created_at),
        prMergedAt: mergedAt,
        labels: (hook.labels ?? mr.labels ?? []).map((label) => label.title),
        title: mr.title,
      },
    ],
    dropped: [],
  };
}

function mapIssue(hook: z.infer<typeof IssueHook>): MapResult {
  const { object_attributes: issue, project } = hook;
  const repository = project.path_with_namespace;
  const what = `issue ${repository}#${issue.iid}`;
  const labels = (hook.labels ?? issue.labels ?? []).map((label) => label.title);
  const type = (issue.type ?? issue.issue_type ?? "").toLowerCase();
  if (type !== "incident" && !hasIncidentLabel(labels)) {
    return dropped(`${what}: not an incident (type ${JSON.stringify(issue.type ?? issue.issue_type ?? null)}, no "incident" label)`);
  }
  const openedAt = gitlabTime(issue.created_at);
  if (!openedAt) return dropped(`${what}: unreadable created_at "${issue.created_at}"`);
  // GitLab's own incident severity wins over labels; "unknown" is GitLab's "not set".
  const ownSeverity = nonEmpty(issue.severity)?.toLowerCase();
  const fromLabels = severityFromLabels(labels);
  const closed = issue.state === "closed";
  const resolvedAt = closed ? gitlabTime(issue.closed_at) : undefined;
  return {
    events: [
      {
        type: "incident",
        id: `gitlab-issue:${repository}#${issue.iid}`,
        service: lastSegment(repository),
        severity: ownSeverity && ownSeverity !== "unknown" ? ownSeverity : fromLabels.severity,
        title: issue.title,
        openedAt,
        resolvedAt,
        url: nonEmpty(issue.url),
      },
    ],
    dropped: [
      ...(ownSeverity && ownSeverity !== "unknown" ? [] : fromLabels.dropped),
      ...(closed && !resolvedAt ? [`${what}: closed, but closed_at ${JSON.stringify(issue.closed_at ?? null)} is unreadable`] : []),
    ],
    occurredAt: gitlabTime(issue.updated_at),
  };
}
