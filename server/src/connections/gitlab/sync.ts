// A GitLab connection's sync, per project: deployments of the environment (with the commits each
// successful one shipped and their merge requests), incident issues, and pipelines as builds with
// their test reports.
// Every list is walked least recently updated first; each resource's cursor (the last record's
// updated_at and id) is written after the records it covers, so a killed sync resumes there, and a
// record edited upstream (its updated_at moves) comes again and is updated in place.
import { isFinishedPipeline } from "../../ingest/gitlab/map.ts";
import type { GitlabConfig } from "../../services/connections/connectionView.ts";
import { commitsShipped } from "../shipped.ts";
import type { SyncContext } from "../types.ts";
import { gitlabClient, type GitlabClient } from "./client.ts";
import {
  commitMergeRequests,
  comparedCommits,
  deploymentPages,
  incidentIssuePages,
  pipeline,
  pipelinePages,
  pipelineTestReport,
  project,
  singleCommit,
} from "./fetch.ts";
import { mapDeployment, mapIssue, mapPipeline, mergeRequestOfCommit, type GitlabProject, type ShippedCommit } from "./map.ts";
import { GITLAB_TEST_REPORT_NAME, mapTestReport } from "./testReport.ts";

/** Where a walk stopped: the last record stored. GitLab's updated_after includes that instant. */
interface Cursor {
  updatedAt: string;
  lastId: number;
}

interface DeploymentCursor extends Cursor {
  /** The sha of the last successful deployment: the next one shipped what came after it. */
  lastSuccessSha: string | null;
}

/** Whether a listed record comes after the cursor (records at the cursor's instant are told apart by id). */
export function isPast(cursor: Cursor | null, record: { updated_at: string; id: number }): boolean {
  if (!cursor) return true;
  const at = Date.parse(record.updated_at) - Date.parse(cursor.updatedAt);
  return at > 0 || (at === 0 && record.id > cursor.lastId);
}

export async function syncGitlab(config: GitlabConfig, token: string, ctx: SyncContext): Promise<void> {
  const client = gitlabClient({ apiUrl: config.apiUrl, token, clock: ctx.clock, onWait: (ms) => ctx.rateLimitWait(ms), signal: ctx.signal });
  for (const ref of config.projects) {
    await ctx.page(`project:${ref}`);
    const found = await project(client, ref);
    await syncDeployments(client, ctx, config, ref, found);
    await syncIncidents(client, ctx, config, ref, found);
    await syncPipelines(client, ctx, config, ref, found);
  }
}

const beforeSince = (config: GitlabConfig, createdAt: string) => config.since !== undefined && Date.parse(createdAt) < Date.parse(config.since);

async function syncDeployments(client: GitlabClient, ctx: SyncContext, config: GitlabConfig, ref: string, p: GitlabProject) {
  const resource = `deployments:${ref}`;
  let cursor = await ctx.cursor<DeploymentCursor>(resource);
  let walkFrom = cursor?.updatedAt ?? config.since;
  for await (const page of deploymentPages(client, p.id, config.environment, cursor?.updatedAt ?? config.since)) {
    await ctx.page(resource);
    for (const deployment of page) {
      if (!isPast(cursor, deployment)) continue;
      walkFrom ??= deployment.updated_at;
      await ctx.reached(resource, walkFrom, deployment.updated_at);
      // One not finished yet is passed over: finishing moves its updated_at, so it comes again.
      let lastSuccessSha = cursor?.lastSuccessSha ?? null;
      if (!beforeSince(config, deployment.created_at)) {
        const success = deployment.status === "success";
        const shipped = success ? await shippedCommits(client, p.id, lastSuccessSha, deployment.sha) : [];
        const [event, ...changes] = mapDeployment(p, deployment, shipped).events;
        const stored = await ctx.record(event ? [event] : []);
        if (stored.created) {
          ctx.counted("deployments", stored.created);
          ctx.counted("changes", shipped.length);
        }
        // Merge requests' opening times: a second batch, as the deployment's batch already names these changes.
        if (changes.length) await ctx.record(changes);
        if (success) lastSuccessSha = deployment.sha;
      }
      cursor = { updatedAt: deployment.updated_at, lastId: deployment.id, lastSuccessSha };
      await ctx.saveCursor(resource, cursor);
    }
  }
}

/** What a successful deployment shipped: the commits since the previous successful one (the first: its own commit). */
async function shippedCommits(client: GitlabClient, id: number, previousSha: string | null, sha: string): Promise<ShippedCommit[]> {
  const commits = await commitsShipped(previousSha, sha, {
    compare: (from, to) => comparedCommits(client, id, from, to),
    single: (one) => singleCommit(client, id, one),
  });
  const shipped: ShippedCommit[] = [];
  for (const commit of commits) shipped.push({ ...commit, mergeRequest: mergeRequestOfCommit(commit.id, await commitMergeRequests(client, id, commit.id)) });
  return shipped;
}

async function syncIncidents(client: GitlabClient, ctx: SyncContext, config: GitlabConfig, ref: string, p: GitlabProject) {
  const resource = `incidents:${ref}`;
  const cursor = await ctx.cursor<Cursor>(resource);
  for await (const page of incidentIssuePages(client, p.id, cursor?.updatedAt ?? config.since)) {
    await ctx.page(resource);
    const issues = page.filter((issue) => isPast(cursor, { updated_at: issue.updated_at, id: issue.iid }));
    const stored = await ctx.record(issues.flatMap((issue) => mapIssue(p, issue).events));
    ctx.counted("incidents", stored.created);
    const last = issues.at(-1);
    if (last) await ctx.saveCursor(resource, { updatedAt: last.updated_at, lastId: last.iid } satisfies Cursor);
  }
}

async function syncPipelines(client: GitlabClient, ctx: SyncContext, config: GitlabConfig, ref: string, p: GitlabProject) {
  const resource = `builds:${ref}`;
  let cursor = await ctx.cursor<Cursor>(resource);
  for await (const page of pipelinePages(client, p.id, cursor?.updatedAt ?? config.since)) {
    await ctx.page(resource);
    for (const listed of page) {
      if (!isPast(cursor, listed)) continue;
      // The list has no start or finish times; a running pipeline comes again when it finishes.
      if (isFinishedPipeline(listed.status) && !beforeSince(config, listed.created_at)) {
        const [build] = mapPipeline(p, await pipeline(client, p.id, listed.id)).events;
        const stored = await ctx.record(build ? [build] : []);
        ctx.counted("builds", stored.created);
        const report = build?.type === "build" ? await pipelineTestReport(client, p.id, listed.id) : undefined;
        const parsed = report && mapTestReport(report);
        if (build?.type === "build" && parsed) await ctx.testReport(build.id, GITLAB_TEST_REPORT_NAME, parsed);
      }
      cursor = { updatedAt: listed.updated_at, lastId: listed.id };
      await ctx.saveCursor(resource, cursor);
    }
  }
}
