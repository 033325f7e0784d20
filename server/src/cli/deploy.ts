// `keel deploy --service S --sha SHA [--status success] [--environment production] [--id ID]
// [--finished-at ISO] [--repository R]`: reports a deployment with the commits it shipped, read
// from the local git history since the service's last successful deployment to that environment.
import { parseArgs } from "node:util";
import { DeploymentEvent, IngestResult, LastDeployment, type DeploymentEventInput } from "@keel/shared";
import { formatPath } from "../errors.ts";
import { ApiError, callKeel, connectionFrom, connectionOptions, type Connection } from "./connection.ts";
import { CliFailure, UsageError } from "./errors.ts";
import { commitInfo, commitsSince, hasCommit, resolveCommit, type GitCommit } from "./gitHistory.ts";

/** The schema's limit on a deployment's `commits`. */
const MAX_COMMITS = 1_000;
const MAX_MESSAGE = 2_000;

export const deployUsage = `keel deploy --service S --sha SHA [--status success|failure|cancelled] [--environment production]
            [--id ID] [--finished-at ISO-8601] [--repository owner/name]
    report a deployment, listing the commits since the service's last successful deployment to
    that environment from the local git history (run it in your checkout). --id defaults to
    <service>-<sha>-<time>; pass your CI run's id to make a retried job report the same deployment.`;

const optionNames: Record<string, string> = {
  id: "--id",
  service: "--service",
  environment: "--environment",
  status: "--status",
  finishedAt: "--finished-at",
  commitSha: "--sha",
  repository: "--repository",
};

export async function deploy(args: string[], out: (line: string) => void, cwd = process.cwd()): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...connectionOptions,
      service: { type: "string" },
      sha: { type: "string" },
      status: { type: "string", default: "success" },
      environment: { type: "string", default: "production" },
      id: { type: "string" },
      "finished-at": { type: "string" },
      repository: { type: "string" },
    },
  });
  if (!values.service) throw new UsageError("--service is required, e.g. --service checkout");
  if (!values.sha) throw new UsageError("--sha is required, e.g. --sha $(git rev-parse HEAD)");
  const connection = connectionFrom(values);
  const finishedAt = values["finished-at"] ?? new Date().toISOString();
  const environment = values.environment;
  const options: DeploymentEventInput = {
    id: values.id ?? `${values.service}-${Date.parse(finishedAt) || 0}`,
    service: values.service,
    environment,
    status: values.status as DeploymentEventInput["status"],
    finishedAt,
    ...(values.repository ? { repository: values.repository } : {}),
  };
  // Check the options before git or the network: a typo is a usage error, not a half-done report.
  validate(options, UsageError);
  const head = await resolveCommit(cwd, values.sha);
  const draft = { ...options, id: values.id ?? `${values.service}-${head.slice(0, 12)}-${Date.parse(finishedAt)}`, commitSha: head };

  const { commits, note } = await shippedCommits(connection, cwd, values.service, environment, head);
  const event = { ...draft, commits: commits.map(toEventCommit).reverse() };
  // Commits come from git, so a problem with them is not the caller's usage.
  validate(event, CliFailure);
  const result = IngestResult.parse(await callKeel(connection, "/api/v1/deployments", { json: event }));
  const outcome = result.created ? "created" : result.updated ? "updated" : "unchanged";
  out(
    `Reported deployment ${event.id} of ${values.service} to ${environment} (${values.status}, ${head.slice(0, 12)}): ${commits.length} commit${commits.length === 1 ? "" : "s"}, ${outcome}.`,
  );
  out(note);
  return 0;
}

async function shippedCommits(connection: Connection, cwd: string, service: string, environment: string, head: string) {
  const last = await lastDeployedSha(connection, service, environment);
  if (!last) {
    return { commits: [await commitInfo(cwd, head)], note: `First deployment of ${service} to ${environment}: reported only the head commit.` };
  }
  if (!(await hasCommit(cwd, last))) {
    return {
      commits: [await commitInfo(cwd, head)],
      note: `Warning: the last deployed commit ${last.slice(0, 12)} is not in the local git history (a shallow clone? fetch with --unshallow); reported only the head commit.`,
    };
  }
  const commits = await commitsSince(cwd, last, head, MAX_COMMITS + 1);
  if (commits.length > MAX_COMMITS) {
    return {
      commits: commits.slice(0, MAX_COMMITS),
      note: `Warning: more than ${MAX_COMMITS} commits since ${last.slice(0, 12)}; reported the ${MAX_COMMITS} most recent.`,
    };
  }
  const none = commits.length === 0 ? " (none: the same commit again, or an older one, e.g. a rollback)" : "";
  return { commits, note: `Commits since the last deployment ${last.slice(0, 12)}${none}.` };
}

async function lastDeployedSha(connection: Connection, service: string, environment: string): Promise<string | undefined> {
  const path = `/api/v1/services/${encodeURIComponent(service)}/last-deployment?environment=${encodeURIComponent(environment)}`;
  try {
    return LastDeployment.parse(await callKeel(connection, path)).commitSha;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404 && error.code === "NOT_FOUND" && !error.serverMessage.startsWith("No such endpoint"))
      return undefined;
    if (error instanceof ApiError && error.status === 403) {
      throw new ApiError(
        error.status,
        error.code,
        `${error.serverMessage} (keel deploy reads the last deployment, which needs the ingest, read or admin scope)`,
        error.details,
      );
    }
    throw error;
  }
}

function toEventCommit(commit: GitCommit) {
  const subject = commit.message.split("\n", 1)[0] ?? "";
  // GitHub's squash merges end the subject with "(#123)"; its merge commits start "Merge pull request #123".
  const pr = /\(#(\d{1,9})\)\s*$/.exec(subject) ?? /^Merge pull request #(\d{1,9})\b/.exec(subject);
  return {
    sha: commit.sha,
    committedAt: commit.committedAt,
    authoredAt: commit.authoredAt,
    ...(commit.message ? { message: commit.message.slice(0, MAX_MESSAGE) } : {}),
    ...(pr?.[1] ? { prNumber: Number(pr[1]) } : {}),
  };
}

function validate(event: DeploymentEventInput, Failure: typeof UsageError | typeof CliFailure): void {
  const parsed = DeploymentEvent.safeParse(event);
  if (parsed.success) return;
  const lines = parsed.error.issues.map((issue) => {
    const [field] = issue.path;
    const name = typeof field === "string" && optionNames[field] ? optionNames[field] : formatPath(issue.path);
    return `  ${name}: ${issue.message}`;
  });
  throw new Failure(`invalid deployment:\n${lines.join("\n")}`);
}
