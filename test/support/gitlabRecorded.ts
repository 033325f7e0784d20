// A GitLab REST API v4 on loopback serving answers shaped as GitLab's documented examples
// (docs.gitlab.com/api: projects, deployments, repository compare and commits, merge requests of a
// commit, pipelines, issues), from a project the test describes. Lists page as GitLab pages them
// (Link, x-next-page, x-total headers); a rate limit can be armed on any request; every request is
// kept, so tests see what a sync asked for.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedGitlabCommit {
  sha: string;
  message: string;
  date: string;
  mergeRequest?: { iid: number; created_at: string; merged_at: string; labels: string[] };
}

export interface RecordedGitlabDeployment {
  id: number;
  sha: string;
  environment?: string;
  /** created, running, success, failed, canceled, blocked */
  status: string;
  created_at: string;
  /** The deployment job's finish; also the deployment's updated_at. */
  finished_at: string;
}

export interface RecordedGitlabIssue {
  iid: number;
  title: string;
  type: "INCIDENT" | "ISSUE";
  severity: string;
  labels: string[];
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface RecordedPipeline {
  id: number;
  sha: string;
  status: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  updated_at: string;
}

export interface RecordedProject {
  id: number;
  path_with_namespace: string;
  /** Oldest first: compare returns the commits after `from` up to `to` in this order. */
  commits: RecordedGitlabCommit[];
  deployments: RecordedGitlabDeployment[];
  issues: RecordedGitlabIssue[];
  pipelines: RecordedPipeline[];
}

export interface RecordedGitlab {
  /** The API's base, as a connection's apiUrl names it (…/api/v4). */
  apiUrl: string;
  project: RecordedProject;
  /** Paths (with query, decoded) asked for, in order. */
  requests: string[];
  /** Every answer body sent, to search for secrets. */
  bodies: string[];
  /** The next request whose decoded path starts with `prefix` is refused once with a 429. */
  rateLimitOnce(prefix: string, how: "retry-after" | "reset"): void;
  /** Fail every request whose decoded path starts with `prefix` with a 500 (a crash stand-in) until cleared. */
  breakPath(prefix: string | null): void;
  close(): Promise<void>;
}

type Handler = (url: URL, rest: string) => unknown;

export async function startRecordedGitlab(
  project: RecordedProject,
  options: {
    token: string;
    pageSize?: number;
    /** "x-next-page": leave the Link header out, as GitLab does where it cannot build one. */
    pagination?: "link" | "x-next-page";
    /** Each answer waits this long, as a real API takes time (so a sync is seen in progress). */
    latencyMs?: number;
  },
): Promise<RecordedGitlab> {
  const pageSize = options.pageSize ?? 100;
  const limits: { prefix: string; how: "retry-after" | "reset" }[] = [];
  let broken: string | null = null;
  const requests: string[] = [];
  const bodies: string[] = [];
  let origin = "";
  const webUrl = () => `https://gitlab.example.com/${project.path_with_namespace}`;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    bodies.push(text);
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(text);
  };
  /** One page of a list, with GitLab's offset-pagination headers. */
  const paged = (res: ServerResponse, url: URL, items: unknown[]) => {
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 20), pageSize);
    const page = Number(url.searchParams.get("page") ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const next = new URL(url.toString());
      next.searchParams.set("page", String(p));
      return `<${origin}${next.pathname}${next.search}>; rel="${rel}"`;
    };
    const links = [...(page < last ? [link(page + 1, "next")] : []), link(1, "first"), link(last, "last")];
    const headers: Record<string, string> = {
      "x-page": String(page),
      "x-per-page": String(perPage),
      "x-next-page": page < last ? String(page + 1) : "",
      "x-prev-page": page > 1 ? String(page - 1) : "",
      "x-total": String(items.length),
      "x-total-pages": String(last),
    };
    if (options.pagination !== "x-next-page") headers.link = links.join(", ");
    send(res, 200, items.slice((page - 1) * perPage, page * perPage), headers);
  };
  /** updated_after includes its instant; lists come by updated_at, then id. */
  const updatedFrom = <T>(url: URL, items: T[], updatedAt: (t: T) => string, id: (t: T) => number) => {
    const after = url.searchParams.get("updated_after");
    return items
      .filter((i) => !after || Date.parse(updatedAt(i)) >= Date.parse(after))
      .sort((a, b) => Date.parse(updatedAt(a)) - Date.parse(updatedAt(b)) || id(a) - id(b));
  };

  const commitJson = (c: RecordedGitlabCommit) => ({
    id: c.sha,
    short_id: c.sha.slice(0, 8),
    title: c.message.split("\n")[0],
    author_name: "Example User",
    author_email: "user@example.com",
    authored_date: c.date,
    committer_name: "Example User",
    committer_email: "user@example.com",
    committed_date: c.date,
    created_at: c.date,
    message: c.message,
    parent_ids: [],
    web_url: `${webUrl()}/-/commit/${c.sha}`,
  });
  const deploymentJson = (d: RecordedGitlabDeployment) => ({
    id: d.id,
    iid: d.id - 100,
    ref: "main",
    sha: d.sha,
    created_at: d.created_at,
    updated_at: d.finished_at,
    status: d.status,
    user: { id: 1, name: "Administrator", username: "root", state: "active" },
    environment: { id: 9, name: d.environment ?? "production", external_url: "https://about.gitlab.com" },
    deployable: {
      id: d.id * 10,
      name: "deploy",
      stage: "deploy",
      ref: "main",
      status: d.status,
      tag: false,
      created_at: d.created_at,
      started_at: d.created_at,
      finished_at: d.finished_at,
      web_url: `${webUrl()}/-/jobs/${d.id * 10}`,
      commit: commitJson(project.commits.find((c) => c.sha === d.sha) ?? { sha: d.sha, message: "", date: d.created_at }),
    },
  });
  const pipelineJson = (p: RecordedPipeline, full: boolean) => ({
    id: p.id,
    iid: p.id - 9000,
    project_id: project.id,
    name: null,
    sha: p.sha,
    ref: "main",
    status: p.status,
    source: "push",
    created_at: p.created_at,
    updated_at: p.updated_at,
    web_url: `${webUrl()}/-/pipelines/${p.id}`,
    ...(full ? { tag: false, started_at: p.started_at, finished_at: p.finished_at, duration: 540, queued_duration: 60, coverage: null } : {}),
  });

  const routes: [RegExp, Handler][] = [
    [
      /^$/,
      () => ({
        id: project.id,
        name: "checkout",
        path: "checkout",
        path_with_namespace: project.path_with_namespace,
        web_url: webUrl(),
        default_branch: "main",
        ci_config_path: null,
      }),
    ],
    [
      /^\/deployments$/,
      (url) =>
        updatedFrom(
          url,
          project.deployments,
          (d) => d.finished_at,
          (d) => d.id,
        )
          .filter((d) => (d.environment ?? "production") === (url.searchParams.get("environment") ?? "production"))
          .map(deploymentJson),
    ],
    [
      /^\/repository\/compare$/,
      (url) => {
        const from = project.commits.findIndex((c) => c.sha === url.searchParams.get("from"));
        const to = project.commits.findIndex((c) => c.sha === url.searchParams.get("to"));
        if (from < 0 || to < 0) return undefined;
        const commits = project.commits.slice(from + 1, to + 1).map(commitJson);
        return { object: { commit: commits.at(-1), commits, diffs: [], compare_timeout: false, compare_same_ref: false, web_url: webUrl() } };
      },
    ],
    [
      /^\/repository\/commits\/([0-9a-f]+)\/merge_requests$/,
      (_url, sha) => {
        const c = project.commits.find((x) => x.sha === sha);
        if (!c) return undefined;
        const mr = c.mergeRequest;
        return {
          object: mr
            ? [
                {
                  id: 1000 + mr.iid,
                  iid: mr.iid,
                  project_id: project.id,
                  title: c.message,
                  state: "merged",
                  created_at: mr.created_at,
                  updated_at: mr.merged_at,
                  merged_at: mr.merged_at,
                  target_branch: "main",
                  source_branch: `mr-${mr.iid}`,
                  labels: mr.labels,
                  sha: c.sha,
                  merge_commit_sha: null,
                  squash_commit_sha: null,
                  web_url: `${webUrl()}/-/merge_requests/${mr.iid}`,
                },
              ]
            : [],
        };
      },
    ],
    [
      /^\/repository\/commits\/([0-9a-f]+)$/,
      (_url, sha) => ({ object: project.commits.find((x) => x.sha === sha) && commitJson(project.commits.find((x) => x.sha === sha) as RecordedGitlabCommit) }),
    ],
    [
      /^\/pipelines$/,
      (url) =>
        updatedFrom(
          url,
          project.pipelines,
          (p) => p.updated_at,
          (p) => p.id,
        ).map((p) => pipelineJson(p, false)),
    ],
    [
      /^\/pipelines\/(\d+)$/,
      (_url, id) => ({
        object:
          project.pipelines.find((p) => p.id === Number(id)) && pipelineJson(project.pipelines.find((p) => p.id === Number(id)) as RecordedPipeline, true),
      }),
    ],
    [
      /^\/issues$/,
      (url) =>
        updatedFrom(
          url,
          project.issues,
          (i) => i.updated_at,
          (i) => i.iid,
        )
          .filter((i) => url.searchParams.get("issue_type") !== "incident" || i.type === "INCIDENT")
          .map((i) => ({
            id: 500 + i.iid,
            iid: i.iid,
            project_id: project.id,
            title: i.title,
            description: "",
            state: i.closed_at ? "closed" : "opened",
            created_at: i.created_at,
            updated_at: i.updated_at,
            closed_at: i.closed_at,
            labels: i.labels,
            type: i.type,
            issue_type: i.type.toLowerCase(),
            severity: i.severity,
            author: { id: 1, username: "root" },
            web_url: `${webUrl()}/-/issues/${i.iid}`,
          })),
    ],
  ];

  const route = (url: URL, path: string, res: ServerResponse) => {
    const m = /^\/api\/v4\/projects\/([^/]+)(.*)$/.exec(path);
    const ref = decodeURIComponent(m?.[1] ?? "");
    if (!m || (ref !== String(project.id) && ref !== project.path_with_namespace)) return send(res, 404, { message: "404 Project Not Found" });
    const rest = m[2] ?? "";
    for (const [pattern, handler] of routes) {
      const hit = pattern.exec(rest);
      if (!hit) continue;
      const answer = handler(url, hit[1] ?? "");
      if (Array.isArray(answer)) return paged(res, url, answer);
      const object = answer && typeof answer === "object" && "object" in answer ? (answer as { object: unknown }).object : answer;
      return object === undefined ? send(res, 404, { message: "404 Not found" }) : send(res, 200, object);
    }
    return send(res, 404, { error: "404 Not Found" });
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://recorded.invalid");
    // GitLab takes a project path URL-encoded ("acme%2Fcheckout"); kept decoded for tests to read.
    const readable = decodeURIComponent(url.pathname);
    requests.push(readable + url.search);
    if (req.headers["private-token"] !== options.token) return send(res, 401, { message: "401 Unauthorized" });
    if (broken && readable.startsWith(broken)) return send(res, 500, { message: "500 Internal Server Error" });
    const limit = limits.findIndex((l) => readable.startsWith(l.prefix));
    if (limit >= 0) {
      const how = limits.splice(limit, 1)[0]?.how;
      const reset = String(Math.floor(Date.now() / 1000) + 3600);
      const headers: Record<string, string> = { "ratelimit-limit": "600", "ratelimit-observed": "601", "ratelimit-remaining": "0", "ratelimit-reset": reset };
      if (how === "retry-after") headers["retry-after"] = "60";
      return send(res, 429, { message: "Retry later" }, headers);
    }
    if (options.latencyMs) setTimeout(() => route(url, url.pathname, res), options.latencyMs);
    else route(url, url.pathname, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${origin}/api/v4`,
    project,
    requests,
    bodies,
    rateLimitOnce: (prefix, how) => limits.push({ prefix, how }),
    breakPath: (prefix) => {
      broken = prefix;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
