// A GitHub REST API on loopback serving answers shaped as GitHub's documented examples
// (docs.github.com/rest: deployments, deployment statuses, compare, commits/{sha}/pulls,
// pulls/{n}/reviews, issues,
// actions/runs), from a repository the test describes. Lists page with Link headers; a rate limit
// can be armed on any request; every request is kept, so tests see what a sync asked for.
import type { ServerResponse } from "node:http";
import { pageOf, resetInAnHour, startRecordedApi } from "./recordedApi.ts";
import type { Answer, RecordedApiOptions, RecordedServer, RecordedVendor, VendorAnswers } from "./recordedApi.ts";

export interface RecordedCommit {
  sha: string;
  message: string;
  date: string;
  pull?: {
    number: number;
    created_at: string;
    merged_at: string;
    labels: string[];
    /** The pull request's reviews, oldest first; the author is AUTHOR unless a review says otherwise. */
    reviews?: RecordedReview[];
  };
}

/** A review as GET /pulls/{n}/reviews lists it; `user` "author" is the pull request's author. */
export interface RecordedReview {
  user: { id: number; login: string; type: "User" | "Bot" } | "author";
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED";
  submitted_at: string;
}

/** Every recorded pull request's author. */
const AUTHOR = { login: "pr-author", id: 9001, type: "User" };

export interface RecordedDeployment {
  id: number;
  sha: string;
  environment?: string;
  created_at: string;
  /** Newest first, as GitHub lists them. */
  statuses: { state: string; created_at: string }[];
}

export interface RecordedIssue {
  number: number;
  title: string;
  labels: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface RecordedRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecordedRepo {
  owner: string;
  name: string;
  /** Oldest first: compare returns the commits after base up to head in this order. */
  commits: RecordedCommit[];
  deployments: RecordedDeployment[];
  issues: RecordedIssue[];
  runs: RecordedRun[];
}

export interface RecordedGithub extends RecordedVendor {
  repo: RecordedRepo;
}

/** How GitHub takes a token and refuses a request (docs.github.com/rest: authentication, rate limits). */
const GITHUB: VendorAnswers = {
  authorized: (req, token) => [`token ${token}`, `Bearer ${token}`].includes(req.headers.authorization ?? ""),
  unauthorized: { status: 401, body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" } },
  serverError: { status: 500, body: { message: "Server Error" } },
  rateLimited: (how): Answer =>
    how === "retry-after"
      ? { status: 429, body: { message: "You have exceeded a secondary rate limit." }, headers: { "retry-after": "60" } }
      : {
          status: 403,
          body: { message: "API rate limit exceeded for user ID 1." },
          headers: {
            "x-ratelimit-limit": "5000",
            "x-ratelimit-remaining": "0",
            "x-ratelimit-used": "5000",
            "x-ratelimit-reset": resetInAnHour(),
          },
        },
};

export async function startRecordedGithub(repo: RecordedRepo, options: RecordedApiOptions): Promise<RecordedGithub> {
  const api = await startRecordedApi(options, GITHUB, (server) => githubRoutes(repo, options.pageSize ?? 100, server));
  return { ...api, repo };
}

/** GitHub's answers about `repo`, served from `base`. */
function githubRoutes(repo: RecordedRepo, pageSize: number, { origin: base, send }: RecordedServer) {
  const full = () => `${repo.owner}/${repo.name}`;

  const paged = (res: ServerResponse, url: URL, items: unknown[], wrap?: (page: unknown[]) => unknown) => {
    const { page, last, slice, link } = pageOf(url, base, items, 30, pageSize);
    const links = page < last ? [link(page + 1, "next"), link(last, "last")] : [];
    send(res, 200, wrap ? wrap(slice) : slice, links.length ? { link: links.join(", ") } : {});
  };

  const commitJson = (c: RecordedCommit) => ({
    sha: c.sha,
    url: `${base}/repos/${full()}/commits/${c.sha}`,
    commit: {
      message: c.message,
      author: { name: "Monalisa Octocat", email: "support@github.com", date: c.date },
      committer: { name: "Monalisa Octocat", email: "support@github.com", date: c.date },
    },
  });
  const deploymentJson = (d: RecordedDeployment) => ({
    url: `${base}/repos/${full()}/deployments/${d.id}`,
    id: d.id,
    sha: d.sha,
    ref: "main",
    task: "deploy",
    payload: {},
    original_environment: d.environment ?? "production",
    environment: d.environment ?? "production",
    description: "Deploy request from hubot",
    creator: { login: "octocat" },
    created_at: d.created_at,
    updated_at: d.created_at,
  });

  const route = (url: URL, res: ServerResponse) => {
    const p = url.pathname;
    const prefix = `/repos/${full()}`;
    if (!p.startsWith(prefix)) return send(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
    const rest = p.slice(prefix.length);
    let m: RegExpExecArray | null;
    if (rest === "/deployments") {
      const env = url.searchParams.get("environment");
      const listed = repo.deployments.filter((d) => !env || (d.environment ?? "production") === env).sort((a, b) => b.id - a.id);
      return paged(res, url, listed.map(deploymentJson));
    }
    if ((m = /^\/deployments\/(\d+)\/statuses$/.exec(rest))) {
      const d = repo.deployments.find((x) => x.id === Number(m?.[1]));
      if (!d) return send(res, 404, { message: "Not Found" });
      return paged(
        res,
        url,
        d.statuses.map((s, i) => ({
          id: d.id * 100 + i,
          state: s.state,
          description: "Deployment finished successfully.",
          environment: "production",
          target_url: "https://example.com/deployment/42/output",
          log_url: "https://example.com/deployment/42/output",
          created_at: s.created_at,
          updated_at: s.created_at,
          deployment_url: `${base}${prefix}/deployments/${d.id}`,
        })),
      );
    }
    if ((m = /^\/compare\/([^.]+)\.\.\.(.+)$/.exec(rest))) {
      const from = repo.commits.findIndex((c) => c.sha === m?.[1]);
      const to = repo.commits.findIndex((c) => c.sha === m?.[2]);
      if (from < 0 || to < 0) return send(res, 404, { message: "Not Found" });
      const commits = repo.commits.slice(from + 1, to + 1).map(commitJson);
      return paged(res, url, commits, (page) => ({
        status: "ahead",
        ahead_by: commits.length,
        behind_by: 0,
        total_commits: commits.length,
        commits: page,
        files: [],
      }));
    }
    if ((m = /^\/commits\/([^/]+)\/pulls$/.exec(rest))) {
      const c = repo.commits.find((x) => x.sha === m?.[1]);
      if (!c) return send(res, 422, { message: "No commit found for SHA" });
      const pulls = c.pull
        ? [
            {
              number: c.pull.number,
              state: "closed",
              title: c.message,
              created_at: c.pull.created_at,
              merged_at: c.pull.merged_at,
              merge_commit_sha: c.sha,
              user: AUTHOR,
              labels: c.pull.labels.map((name, i) => ({ id: i + 1, name, color: "f29513" })),
            },
          ]
        : [];
      return send(res, 200, pulls);
    }
    if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(rest))) {
      const pull = repo.commits.find((x) => x.pull?.number === Number(m?.[1]))?.pull;
      if (!pull) return send(res, 404, { message: "Not Found" });
      const reviews = (pull.reviews ?? []).map((r, i) => ({
        id: pull.number * 100 + i,
        user: r.user === "author" ? AUTHOR : r.user,
        body: "",
        state: r.state,
        submitted_at: r.submitted_at,
        author_association: r.user === "author" ? "OWNER" : "MEMBER",
      }));
      return send(res, 200, reviews);
    }
    if ((m = /^\/commits\/([^/]+)$/.exec(rest))) {
      const c = repo.commits.find((x) => x.sha === m?.[1]);
      return c ? send(res, 200, commitJson(c)) : send(res, 422, { message: "No commit found for SHA" });
    }
    if (rest === "/issues") {
      const labels = url.searchParams.get("labels");
      const since = url.searchParams.get("since");
      const listed = repo.issues
        .filter((i) => (!labels || i.labels.includes(labels)) && (!since || i.updated_at >= since))
        .sort((a, b) => a.updated_at.localeCompare(b.updated_at) || a.number - b.number)
        .map((i) => ({
          id: 1000 + i.number,
          number: i.number,
          title: i.title,
          state: i.closed_at ? "closed" : "open",
          labels: i.labels.map((name, k) => ({ id: k + 1, name })),
          html_url: `https://github.com/${full()}/issues/${i.number}`,
          created_at: i.created_at,
          updated_at: i.updated_at,
          closed_at: i.closed_at,
          user: { login: "octocat" },
        }));
      return paged(res, url, listed);
    }
    if (rest === "/actions/runs") {
      const created = url.searchParams.get("created")?.replace(/^>=/, "");
      const listed = repo.runs
        .filter((r) => !created || r.created_at >= created)
        .sort((a, b) => b.created_at.localeCompare(a.created_at))
        .map((r) => ({
          id: r.id,
          name: r.name,
          path: ".github/workflows/build.yml",
          head_branch: "main",
          head_sha: r.head_sha,
          run_attempt: 1,
          event: "push",
          status: r.status,
          conclusion: r.conclusion,
          created_at: r.created_at,
          run_started_at: r.created_at,
          updated_at: r.updated_at,
          html_url: `https://github.com/${full()}/actions/runs/${r.id}`,
        }));
      return paged(res, url, listed, (page) => ({ total_count: listed.length, workflow_runs: page }));
    }
    return send(res, 404, { message: "Not Found" });
  };

  return route;
}
