// A GitHub connection's sync, per repository: deployments of the environment (with the commits each
// successful one shipped and their pull requests), issues labelled `incident`, and Actions runs.
// Each resource has a cursor written after the records it covers, so a killed sync resumes there.
import { DAY_MS } from "@keel/shared/calendar";
import type { GithubConfig } from "../../services/connections/connectionView.ts";
import { commitsShipped } from "../shipped.ts";
import type { SyncContext } from "../types.ts";
import { firstReviewAt } from "../../ingest/github/reviews.ts";
import { githubClient, type GithubClient } from "./client.ts";
import {
  commitPulls,
  pullReviews,
  comparedCommits,
  deploymentPages,
  deploymentStatuses,
  incidentIssuePages,
  singleCommit,
  workflowRunPages,
  type RepoRef,
} from "./fetch.ts";
import { finalStatus, mapDeployment, mapIssue, mapWorkflowRun, pullOfCommit, type GithubDeployment, type Repo, type ShippedCommit } from "./map.ts";

/** A deployment younger than this without a final status is still running: the sync stops before it. */
const STILL_RUNNING_MS = DAY_MS;

interface DeploymentCursor {
  /** The last deployment stored (ids grow with time), and the sha of the last successful one. */
  lastId: number | null;
  lastSuccessSha: string | null;
}

export async function syncGithub(config: GithubConfig, token: string, ctx: SyncContext): Promise<void> {
  const client = githubClient({ apiUrl: config.apiUrl, token, clock: ctx.clock, onWait: (ms) => ctx.rateLimitWait(ms), signal: ctx.signal });
  for (const fullName of config.repositories) {
    const [owner = "", name = ""] = fullName.split("/");
    const ref = { owner, repo: name };
    const repo = { name, full_name: fullName };
    await syncDeployments(client, ctx, config, ref, repo);
    await syncIncidents(client, ctx, config, ref, repo);
    await syncWorkflowRuns(client, ctx, config, ref, repo);
  }
}

async function syncDeployments(client: GithubClient, ctx: SyncContext, config: GithubConfig, ref: RepoRef, repo: Repo) {
  const resource = `deployments:${repo.full_name}`;
  const cursor = (await ctx.cursor<DeploymentCursor>(resource)) ?? { lastId: null, lastSuccessSha: null };
  const isNew = (d: GithubDeployment) => cursor.lastId === null || d.id > cursor.lastId;
  const listed: GithubDeployment[] = [];
  // Newest first: stop at the first page that reaches what is stored, or what is before `since`.
  for await (const page of deploymentPages(client, ref, config.environment)) {
    await ctx.page(resource);
    listed.push(...page);
    if (page.some((d) => !isNew(d) || (config.since !== undefined && d.created_at < config.since))) break;
  }
  const pending = listed
    .filter((d) => isNew(d) && (config.since === undefined || d.created_at >= config.since))
    .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
  let { lastSuccessSha } = cursor;
  const walkFrom = pending[0]?.created_at;
  for (const deployment of pending) {
    if (walkFrom) await ctx.reached(resource, walkFrom, deployment.created_at);
    const status = finalStatus(await deploymentStatuses(client, ref, deployment.id));
    if (!status && ctx.clock.now() - Date.parse(deployment.created_at) < STILL_RUNNING_MS) break;
    if (status) {
      const shipped = status.state === "success" ? await shippedCommits(client, ref, lastSuccessSha, deployment.sha) : [];
      const mapped = mapDeployment(repo, deployment, status, shipped);
      const [deploymentEvent, ...changes] = mapped.events;
      const stored = await ctx.record(deploymentEvent ? [deploymentEvent] : []);
      if (stored.created) {
        ctx.counted("deployments", stored.created);
        ctx.counted("changes", shipped.length);
      }
      // Pull-request opening times: a second batch, as the deployment's batch already names these changes.
      if (changes.length) await ctx.record(changes);
      if (status.state === "success") lastSuccessSha = deployment.sha;
    }
    // A deployment that never finished (older than a day, no final status) is passed over.
    await ctx.saveCursor(resource, { lastId: deployment.id, lastSuccessSha } satisfies DeploymentCursor);
  }
}

/** What a successful deployment shipped: the commits since the previous successful one (the first: its own commit). */
async function shippedCommits(client: GithubClient, ref: RepoRef, previousSha: string | null, sha: string): Promise<ShippedCommit[]> {
  const commits = await commitsShipped(previousSha, sha, {
    compare: (from, to) => comparedCommits(client, ref, from, to),
    single: (one) => singleCommit(client, ref, one),
  });
  const shipped: ShippedCommit[] = [];
  // One reviews call per merged pull request, however many of its commits ship here.
  const reviewed = new Map<number, string | undefined>();
  for (const commit of commits) {
    const pull = pullOfCommit(commit.sha, await commitPulls(client, ref, commit.sha));
    if (pull?.merged_at && !reviewed.has(pull.number)) reviewed.set(pull.number, firstReviewAt(await pullReviews(client, ref, pull.number), pull.user));
    shipped.push({ ...commit, pull, firstReviewAt: pull ? reviewed.get(pull.number) : undefined });
  }
  return shipped;
}

async function syncIncidents(client: GithubClient, ctx: SyncContext, config: GithubConfig, ref: RepoRef, repo: Repo) {
  const resource = `incidents:${repo.full_name}`;
  const cursor = await ctx.cursor<{ updatedSince: string }>(resource);
  // Least recently updated first, from where the last sync stopped: an edited issue comes again.
  for await (const page of incidentIssuePages(client, ref, cursor?.updatedSince ?? config.since)) {
    await ctx.page(resource);
    const issues = page.data as unknown as ({ updated_at: string } & Record<string, unknown>)[];
    const stored = await ctx.record(issues.flatMap((issue) => mapIssue(repo, issue).events));
    ctx.counted("incidents", stored.created);
    const last = issues.at(-1)?.updated_at;
    if (last) await ctx.saveCursor(resource, { updatedSince: last });
  }
}

async function syncWorkflowRuns(client: GithubClient, ctx: SyncContext, config: GithubConfig, ref: RepoRef, repo: Repo) {
  const resource = `builds:${repo.full_name}`;
  const cursor = await ctx.cursor<{ createdSince: string }>(resource);
  let newest: string | undefined;
  let oldestUnfinished: string | undefined;
  // Newest first: the cursor moves only when the walk is whole (a resumed walk stores nothing twice).
  for await (const page of workflowRunPages(client, ref, cursor?.createdSince ?? config.since)) {
    await ctx.page(resource);
    const runs = page.data as unknown as ({ created_at: string; status?: string | null } & Record<string, unknown>)[];
    const stored = await ctx.record(runs.flatMap((run) => mapWorkflowRun(repo, run).events));
    ctx.counted("builds", stored.created);
    for (const run of runs) {
      if (!newest || run.created_at > newest) newest = run.created_at;
      if (run.status !== "completed" && (!oldestUnfinished || run.created_at < oldestUnfinished)) oldestUnfinished = run.created_at;
    }
  }
  const next = oldestUnfinished ?? newest;
  if (next) await ctx.saveCursor(resource, { createdSince: next });
}
