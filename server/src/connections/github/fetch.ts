// The GitHub REST calls a sync makes, page by page (Link pagination through Octokit's paginate).
import type { GithubReview } from "../../ingest/github/reviews.ts";
import type { GithubClient } from "./client.ts";
import type { GithubCommit, GithubDeployment, GithubDeploymentStatus, GithubPull } from "./map.ts";

const PER_PAGE = 100;

export interface RepoRef {
  owner: string;
  repo: string;
}

/** Every deployment of the environment (GitHub lists them newest first). */
export async function* deploymentPages(client: GithubClient, ref: RepoRef, environment: string): AsyncGenerator<GithubDeployment[]> {
  for await (const page of client.paginate.iterator("GET /repos/{owner}/{repo}/deployments", { ...ref, environment, per_page: PER_PAGE })) {
    yield page.data as GithubDeployment[];
  }
}

export async function deploymentStatuses(client: GithubClient, ref: RepoRef, deploymentId: number): Promise<GithubDeploymentStatus[]> {
  const answer = await client.request("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
    ...ref,
    deployment_id: deploymentId,
    per_page: PER_PAGE,
  });
  return answer.data as GithubDeploymentStatus[];
}

/**
 * The commits in `head` that are not in `base`, oldest first, over every page of the comparison.
 * Paged by hand: a comparison is an object, which Octokit's paginate does not walk.
 */
export async function comparedCommits(client: GithubClient, ref: RepoRef, base: string, head: string): Promise<GithubCommit[]> {
  const commits: GithubCommit[] = [];
  for (let page = 1; ; page++) {
    const answer = await client.request("GET /repos/{owner}/{repo}/compare/{basehead}", { ...ref, basehead: `${base}...${head}`, per_page: PER_PAGE, page });
    commits.push(...(answer.data.commits as GithubCommit[]));
    if (!/rel="next"/.test(answer.headers.link ?? "")) return commits;
  }
}

export async function singleCommit(client: GithubClient, ref: RepoRef, sha: string): Promise<GithubCommit> {
  return (await client.request("GET /repos/{owner}/{repo}/commits/{ref}", { ...ref, ref: sha })).data as GithubCommit;
}

export async function commitPulls(client: GithubClient, ref: RepoRef, sha: string): Promise<GithubPull[]> {
  return (await client.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", { ...ref, commit_sha: sha, per_page: PER_PAGE })).data as GithubPull[];
}

/**
 * A pull request's reviews, oldest first: the first page (100) is enough for its first review, and
 * one call per pull request keeps a sync cheap.
 */
export async function pullReviews(client: GithubClient, ref: RepoRef, pullNumber: number): Promise<GithubReview[]> {
  return (await client.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", { ...ref, pull_number: pullNumber, per_page: PER_PAGE }))
    .data as GithubReview[];
}

/** Issues labelled `incident` updated at or after `since`, least recently updated first. */
export function incidentIssuePages(client: GithubClient, ref: RepoRef, since: string | undefined) {
  return client.paginate.iterator("GET /repos/{owner}/{repo}/issues", {
    ...ref,
    labels: "incident",
    state: "all",
    sort: "updated",
    direction: "asc",
    per_page: PER_PAGE,
    ...(since ? { since } : {}),
  });
}

/** Workflow runs created at or after `since` (newest first). */
export function workflowRunPages(client: GithubClient, ref: RepoRef, since: string | undefined) {
  return client.paginate.iterator("GET /repos/{owner}/{repo}/actions/runs", { ...ref, per_page: PER_PAGE, ...(since ? { created: `>=${since}` } : {}) });
}
