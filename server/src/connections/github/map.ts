// GitHub REST answers → Keel events, pure. The REST objects are the ones GitHub's webhooks carry,
// so each record goes through the webhook adapter's mapping (ingest/github/map.ts): a record synced
// and the same record delivered by a webhook are one event with one id.
import { mapGithub } from "../../ingest/github/map.ts";
import type { GithubUser } from "../../ingest/github/reviews.ts";
import type { MapResult } from "../../ingest/mapResult.ts";
import { withShipped } from "../shipped.ts";

export interface Repo {
  /** "checkout": the service name. */
  name: string;
  /** "acme/checkout". */
  full_name: string;
}

export interface GithubDeployment {
  id: number;
  sha: string;
  environment: string;
  created_at: string;
  payload?: unknown;
}

export interface GithubDeploymentStatus {
  state: string;
  created_at?: string | null;
  updated_at?: string | null;
  log_url?: string | null;
  target_url?: string | null;
}

export interface GithubPull {
  number: number;
  created_at: string;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
  labels?: { name: string }[] | null;
  /** The pull request's author, whose own reviews do not count. */
  user?: GithubUser | null;
}

export interface GithubCommit {
  sha: string;
  commit: { message: string; author?: { date?: string | null } | null; committer?: { date?: string | null } | null };
}

export interface ShippedCommit extends GithubCommit {
  pull?: GithubPull | undefined;
  /** The pull request's first review (ingest/github/reviews.ts), when it has one. */
  firstReviewAt?: string | undefined;
}

const FINAL_STATES = new Set(["success", "failure", "error"]);

/** A deployment's final status: the newest that says success or failure (statuses come newest first). */
export function finalStatus(statuses: GithubDeploymentStatus[]): GithubDeploymentStatus | undefined {
  return statuses.find((status) => FINAL_STATES.has(status.state));
}

/** The pull request that brought a commit in: the one it is the merge commit of, else a merged one. */
export function pullOfCommit(sha: string, pulls: GithubPull[]): GithubPull | undefined {
  return pulls.find((p) => p.merge_commit_sha === sha) ?? pulls.find((p) => p.merged_at) ?? pulls[0];
}

/**
 * A finished deployment with the commits it shipped (successful ones only), and a change event per
 * commit that came through a pull request, with the pull request's opening and first review times.
 */
export function mapDeployment(repo: Repo, deployment: GithubDeployment, status: GithubDeploymentStatus, shipped: ShippedCommit[]): MapResult {
  const mapped = mapGithub("deployment_status", { deployment_status: status, deployment, repository: repo });
  const [event] = mapped.events;
  if (event?.type !== "deployment") return mapped;
  if (event.status !== "success") return { events: [event], dropped: mapped.dropped };
  const changes = shipped.map((c) => ({
    sha: c.sha,
    committedAt: commitTime(c),
    authoredAt: c.commit.author?.date ?? undefined,
    message: c.commit.message,
    merged: c.pull?.merged_at
      ? {
          number: c.pull.number,
          openedAt: c.pull.created_at,
          firstReviewAt: c.firstReviewAt,
          mergedAt: c.pull.merged_at,
          labels: (c.pull.labels ?? []).map((l) => l.name),
        }
      : undefined,
  }));
  return { events: withShipped(event, changes), dropped: mapped.dropped };
}

const commitTime = (c: GithubCommit) => c.commit.committer?.date ?? c.commit.author?.date ?? "";

/** An issue labelled `incident` (pull requests, which the issues API also lists, are not incidents). */
export function mapIssue(repo: Repo, issue: { pull_request?: unknown } & Record<string, unknown>): MapResult {
  if (issue.pull_request) return { events: [], dropped: [`#${String(issue.number)}: a pull request`] };
  return mapGithub("issues", { action: "edited", issue, repository: repo });
}

/** A completed Actions workflow run as a build (one still running is not a build yet). */
export function mapWorkflowRun(repo: Repo, run: { status?: string | null } & Record<string, unknown>): MapResult {
  if (run.status !== "completed") return { events: [], dropped: [`run ${String(run.id)}: ${String(run.status)}`] };
  return mapGithub("workflow_run", { action: "completed", workflow_run: run, repository: repo });
}
