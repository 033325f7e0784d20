// The GitLab REST v4 calls a sync makes (docs.gitlab.com/api: projects, deployments, repository
// compare and commits, merge requests of a commit, pipelines, issues). Lists come page by page,
// least recently updated first, so a cursor on updated_at moves forward with the walk.
import { GitlabError, projectPath, type GitlabClient } from "./client.ts";
import type { GitlabTestReport } from "./testReport.ts";
import type { GitlabCommit, GitlabDeployment, GitlabIssue, GitlabMergeRequest, GitlabPipeline, GitlabProject } from "./map.ts";

const oldestUpdatedFirst = { order_by: "updated_at", sort: "asc" };

/** The project by its path or id: its numeric id and path_with_namespace (the repository's name in events). */
export function project(client: GitlabClient, ref: string): Promise<GitlabProject> {
  return client.get<GitlabProject>(projectPath(ref));
}

/** Deployments of the environment updated at or after `updatedAfter`. */
export function deploymentPages(client: GitlabClient, id: number, environment: string, updatedAfter: string | undefined) {
  return client.pages<GitlabDeployment>(`${projectPath(id)}/deployments`, { environment, ...oldestUpdatedFirst, updated_after: updatedAfter });
}

/** The commits reachable from `to` and not from `from`, oldest first (a comparison is one answer, not pages). */
export async function comparedCommits(client: GitlabClient, id: number, from: string, to: string): Promise<GitlabCommit[]> {
  return (await client.get<{ commits: GitlabCommit[] }>(`${projectPath(id)}/repository/compare`, { from, to })).commits;
}

export function singleCommit(client: GitlabClient, id: number, sha: string): Promise<GitlabCommit> {
  return client.get<GitlabCommit>(`${projectPath(id)}/repository/commits/${encodeURIComponent(sha)}`);
}

export function commitMergeRequests(client: GitlabClient, id: number, sha: string): Promise<GitlabMergeRequest[]> {
  return client.get<GitlabMergeRequest[]>(`${projectPath(id)}/repository/commits/${encodeURIComponent(sha)}/merge_requests`);
}

/** Pipelines updated at or after `updatedAfter` (the list has no start or finish times: see `pipeline`). */
export function pipelinePages(client: GitlabClient, id: number, updatedAfter: string | undefined) {
  return client.pages<GitlabPipeline>(`${projectPath(id)}/pipelines`, { ...oldestUpdatedFirst, updated_after: updatedAfter });
}

export function pipeline(client: GitlabClient, id: number, pipelineId: number): Promise<GitlabPipeline> {
  return client.get<GitlabPipeline>(`${projectPath(id)}/pipelines/${pipelineId}`);
}

/** The pipeline's test report; none when GitLab has none for it (404: no JUnit artifacts, or expired). */
export async function pipelineTestReport(client: GitlabClient, id: number, pipelineId: number): Promise<GitlabTestReport | undefined> {
  try {
    return await client.get<GitlabTestReport>(`${projectPath(id)}/pipelines/${pipelineId}/test_report`);
  } catch (error) {
    if (error instanceof GitlabError && error.status === 404) return undefined;
    throw error;
  }
}

/** Incident issues (open and closed) updated at or after `updatedAfter`. */
export function incidentIssuePages(client: GitlabClient, id: number, updatedAfter: string | undefined) {
  return client.pages<GitlabIssue>(`${projectPath(id)}/issues`, { issue_type: "incident", ...oldestUpdatedFirst, updated_after: updatedAfter });
}
