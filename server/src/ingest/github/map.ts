// GitHub webhook payloads → Keel events, as a pure function of the event kind (the X-GitHub-Event
// header: GitHub payloads do not name their own kind) and the payload.
import type { AnyEventInput } from "@keel/shared";
import type { z } from "zod";
import { hasIncidentLabel, severityFromLabels } from "../incidentLabels.ts";
import { dropped, finishedStatus, firstLine, revertFields, nonEmpty, type MapResult } from "../mapResult.ts";
import { parsedAs } from "../parsedAs.ts";
import {
  DeploymentServicePayload,
  DeploymentStatusPayload,
  IssuesPayload,
  PullRequestPayload,
  PullRequestReviewPayload,
  PushPayload,
  WorkflowRunPayload,
} from "./payloadTypes.ts";
import { notAReview } from "./reviews.ts";

/**
 * The event kinds Keel maps (X-GitHub-Event), each with the schema its payload is read with and its
 * mapping: the one list of them.
 */
const mappers = new Map<string, (payload: unknown) => MapResult>([
  ["deployment_status", parsedAs("deployment_status", DeploymentStatusPayload, mapDeploymentStatus)],
  ["workflow_run", parsedAs("workflow_run", WorkflowRunPayload, mapWorkflowRun)],
  ["push", parsedAs("push", PushPayload, mapPush)],
  ["pull_request", parsedAs("pull_request", PullRequestPayload, mapPullRequest)],
  ["pull_request_review", parsedAs("pull_request_review", PullRequestReviewPayload, mapPullRequestReview)],
  ["issues", parsedAs("issues", IssuesPayload, mapIssues)],
]);

export const githubMappedKinds: ReadonlySet<string> = new Set(mappers.keys());

export function mapGithub(kind: string, payload: unknown): MapResult {
  const map = mappers.get(kind);
  return map ? map(payload) : dropped(`${kind}: not an event kind Keel maps`);
}

// null: a status on the way to a result (or a superseded deployment), not a finished deployment.
const deploymentStates = new Map<string, "success" | "failure" | null>([
  ["success", "success"],
  ["failure", "failure"],
  ["error", "failure"],
  ["inactive", null],
  ["pending", null],
  ["queued", null],
  ["in_progress", null],
]);

function mapDeploymentStatus({ deployment_status: status, deployment, repository }: z.infer<typeof DeploymentStatusPayload>): MapResult {
  const what = `deployment ${deployment.id}`;
  const result = finishedStatus(deploymentStates, status.state, { what, field: "state", finished: "deployment" });
  if (typeof result === "object") return result;
  const finishedAt = status.created_at ?? status.updated_at;
  if (!finishedAt) return dropped(`${what}: the status has no created_at or updated_at`);
  const named = DeploymentServicePayload.safeParse(deployment.payload);
  return {
    events: [
      {
        type: "deployment",
        // The deployment's id, not the status's: each later status updates the same deployment.
        id: `github:${deployment.id}`,
        service: named.success ? named.data.service : repository.name,
        environment: deployment.environment,
        status: result,
        startedAt: deployment.created_at,
        finishedAt,
        commitSha: deployment.sha,
        repository: repository.full_name,
        url: nonEmpty(status.log_url) ?? nonEmpty(status.target_url),
      },
    ],
    dropped: [],
    // Each status is a new state of the deployment, made at its created_at.
    occurredAt: finishedAt,
  };
}

const buildConclusions = new Map<string, "success" | "failure" | "cancelled">([
  ["success", "success"],
  ["failure", "failure"],
  ["timed_out", "failure"],
  ["cancelled", "cancelled"],
  ["skipped", "cancelled"],
]);

function mapWorkflowRun({ action, workflow_run: run, workflow, repository }: z.infer<typeof WorkflowRunPayload>): MapResult {
  const what = `workflow run ${run.id}`;
  if (action !== "completed") return dropped(`${what}: action "${action}" is not a finished run`);
  const status = run.conclusion ? buildConclusions.get(run.conclusion) : undefined;
  if (!status) return dropped(`${what}: conclusion ${JSON.stringify(run.conclusion ?? null)} is not mapped`);
  // `name` can be empty (runs triggered by repository_dispatch); the workflow then names the pipeline.
  const pipeline = nonEmpty(run.name) ?? nonEmpty(workflow?.name) ?? nonEmpty(run.path);
  if (!pipeline) return dropped(`${what}: no workflow name`);
  const attempt = run.run_attempt ?? 1;
  return {
    events: [
      {
        type: "build",
        id: `github:${run.id}:${attempt}`,
        pipeline,
        service: repository.name,
        repository: repository.full_name,
        commitSha: run.head_sha,
        branch: nonEmpty(run.head_branch),
        trigger: nonEmpty(run.event),
        attempt,
        status,
        // run_started_at is this attempt's start; created_at is the first attempt's.
        startedAt: run.run_started_at ?? run.created_at,
        finishedAt: run.updated_at,
        url: nonEmpty(run.html_url),
      },
    ],
    dropped: [],
    occurredAt: run.updated_at,
  };
}

function mapPush({ commits, repository }: z.infer<typeof PushPayload>): MapResult {
  const events: AnyEventInput[] = commits.map((commit) => ({
    type: "change",
    sha: commit.id,
    repository: repository.full_name,
    service: repository.name,
    committedAt: commit.timestamp,
    title: firstLine(commit.message),
    ...revertFields(commit.message),
  }));
  return { events, dropped: [] };
}

function mapPullRequest({ action, pull_request: pr, repository }: z.infer<typeof PullRequestPayload>): MapResult {
  const what = `pull request #${pr.number}`;
  if (action !== "closed") return dropped(`${what}: action "${action}" (only merged pull requests are changes)`);
  if (!pr.merged || !pr.merged_at) return dropped(`${what}: closed without merging`);
  if (!pr.merge_commit_sha) return dropped(`${what}: merged, but no merge_commit_sha`);
  return {
    events: [
      {
        type: "change",
        sha: pr.merge_commit_sha,
        repository: repository.full_name,
        service: repository.name,
        // The change is the merge commit, made when the pull request was merged; the pull
        // request's own commits arrive with their own times through push events.
        committedAt: pr.merged_at,
        prNumber: pr.number,
        prOpenedAt: pr.created_at,
        prMergedAt: pr.merged_at,
        labels: (pr.labels ?? []).map((label) => label.name),
        title: pr.title,
      },
    ],
    dropped: [],
  };
}

/**
 * A submitted review is the pull request's review at its submitted_at, whatever its state (a
 * comment-only review is a review); an edited or dismissed delivery repeats the same submitted_at.
 * Which reviews count: reviews.ts.
 */
function mapPullRequestReview({ review, pull_request: pr, repository }: z.infer<typeof PullRequestReviewPayload>): MapResult {
  const notCounted = notAReview(review, pr.user);
  if (notCounted || !review.submitted_at) return dropped(`review ${review.id} of pull request #${pr.number}: ${notCounted}`);
  return { events: [], dropped: [], reviews: [{ repository: repository.full_name, prNumber: pr.number, reviewedAt: review.submitted_at }] };
}

const incidentActions = new Set(["opened", "edited", "labeled", "closed", "reopened"]);

function mapIssues({ action, issue, repository }: z.infer<typeof IssuesPayload>): MapResult {
  const what = `issue ${repository.full_name}#${issue.number}`;
  if (!incidentActions.has(action)) return dropped(`${what}: action "${action}" is not mapped`);
  const labels = (issue.labels ?? []).map((label) => label.name);
  if (!hasIncidentLabel(labels)) return dropped(`${what}: no "incident" label`);
  const { severity, dropped: severityDropped } = severityFromLabels(labels);
  const closed = issue.state === "closed";
  return {
    events: [
      {
        type: "incident",
        id: `github-issue:${repository.full_name}#${issue.number}`,
        service: repository.name,
        severity,
        title: issue.title,
        openedAt: issue.created_at,
        // A reopened issue is open again: no resolvedAt clears the earlier one.
        resolvedAt: closed ? (issue.closed_at ?? undefined) : undefined,
        url: nonEmpty(issue.html_url),
      },
    ],
    dropped: [...severityDropped, ...(closed && !issue.closed_at ? [`${what}: closed, but no closed_at`] : [])],
    occurredAt: issue.updated_at ?? undefined,
  };
}
