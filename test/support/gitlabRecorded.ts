// A GitLab REST API v4 on loopback serving answers shaped as GitLab's documented examples
// (gitlabAnswers.ts), from a project the test describes. Lists page as GitLab pages them (Link,
// x-next-page, x-total headers) and honour updated_after; a 429 can be armed on any request; every
// request is kept, so tests see what a sync asked for (recordedApi.ts).
import type { ServerResponse } from "node:http";
import { commitJson, deploymentJson, issueJson, mergeRequestJson, pipelineJson, projectJson, testReportJson, type RecordedProject } from "./gitlabAnswers.ts";
import { pageOf, resetInAnHour, startRecordedApi } from "./recordedApi.ts";
import type { RecordedApiOptions, RecordedServer, RecordedVendor, VendorAnswers } from "./recordedApi.ts";

/** Paths in `requests` are decoded. */
export interface RecordedGitlab extends RecordedVendor {
  project: RecordedProject;
}

type Handler = (url: URL, rest: string) => unknown;

/** How GitLab takes a token and refuses a request (docs.gitlab.com: REST API authentication, rate limits). */
const GITLAB: VendorAnswers = {
  basePath: "/api/v4",
  // GitLab takes a project path URL-encoded ("acme%2Fcheckout"); tests name it decoded.
  pathOf: (url) => decodeURIComponent(url.pathname),
  authorized: (req, token) => req.headers["private-token"] === token,
  unauthorized: { status: 401, body: { message: "401 Unauthorized" } },
  serverError: { status: 500, body: { message: "500 Internal Server Error" } },
  rateLimited: (how) => ({
    status: 429,
    body: { message: "Retry later" },
    headers: {
      "ratelimit-limit": "600",
      "ratelimit-observed": "601",
      "ratelimit-remaining": "0",
      "ratelimit-reset": resetInAnHour(),
      ...(how === "retry-after" ? { "retry-after": "60" } : {}),
    },
  }),
};

type Pagination = "link" | "x-next-page";

export async function startRecordedGitlab(
  project: RecordedProject,
  options: RecordedApiOptions & {
    /** "x-next-page": leave the Link header out, as GitLab does where it cannot build one. */
    pagination?: Pagination;
  },
): Promise<RecordedGitlab> {
  const api = await startRecordedApi(options, GITLAB, (server) => gitlabRoutes(project, options.pageSize ?? 100, options.pagination ?? "link", server));
  return { ...api, project };
}

/** GitLab's answers about `project`, served from `origin`. */
function gitlabRoutes(project: RecordedProject, pageSize: number, pagination: Pagination, { origin, send }: RecordedServer) {
  /** One page of a list, with GitLab's offset-pagination headers. */
  const paged = (res: ServerResponse, url: URL, items: unknown[]) => {
    const { page, perPage, last, slice, link } = pageOf(url, origin, items, 20, pageSize);
    const links = [...(page < last ? [link(page + 1, "next")] : []), link(1, "first"), link(last, "last")];
    const headers: Record<string, string> = {
      "x-page": String(page),
      "x-per-page": String(perPage),
      "x-next-page": page < last ? String(page + 1) : "",
      "x-prev-page": page > 1 ? String(page - 1) : "",
      "x-total": String(items.length),
      "x-total-pages": String(last),
    };
    if (pagination !== "x-next-page") headers.link = links.join(", ");
    send(res, 200, slice, headers);
  };
  /** updated_after includes its instant; lists come by updated_at, then id. */
  const updatedFrom = <T>(url: URL, items: T[], order: (t: T) => [updatedAt: string, id: number]) => {
    const after = url.searchParams.get("updated_after");
    const updatedAt = (t: T) => Date.parse(order(t)[0]);
    return items.filter((i) => !after || updatedAt(i) >= Date.parse(after)).sort((a, b) => updatedAt(a) - updatedAt(b) || order(a)[1] - order(b)[1]);
  };

  const find = <T>(items: T[], match: (t: T) => boolean) => items.find(match);
  const routes: [RegExp, Handler][] = [
    [/^$/, () => projectJson(project)],
    [
      /^\/deployments$/,
      (url) =>
        updatedFrom(url, project.deployments, (d) => [d.finished_at, d.id])
          .filter((d) => (d.environment ?? "production") === (url.searchParams.get("environment") ?? "production"))
          .map((d) => deploymentJson(project, d)),
    ],
    [
      /^\/repository\/compare$/,
      (url) => {
        const from = project.commits.findIndex((c) => c.sha === url.searchParams.get("from"));
        const to = project.commits.findIndex((c) => c.sha === url.searchParams.get("to"));
        if (from < 0 || to < 0) return undefined;
        const commits = project.commits.slice(from + 1, to + 1).map((c) => commitJson(project, c));
        return { object: { commit: commits.at(-1), commits, diffs: [], compare_timeout: false, compare_same_ref: false } };
      },
    ],
    [
      /^\/repository\/commits\/([0-9a-f]+)\/merge_requests$/,
      (_url, sha) => {
        const c = find(project.commits, (x) => x.sha === sha);
        return c && { object: c.mergeRequest ? [mergeRequestJson(project, c, c.mergeRequest)] : [] };
      },
    ],
    [/^\/repository\/commits\/([0-9a-f]+)$/, (_url, sha) => ({ object: ((c) => c && commitJson(project, c))(find(project.commits, (x) => x.sha === sha)) })],
    [/^\/pipelines$/, (url) => updatedFrom(url, project.pipelines, (p) => [p.updated_at, p.id]).map((p) => pipelineJson(project, p, false))],
    [/^\/pipelines\/(\d+)$/, (_url, id) => ({ object: ((p) => p && pipelineJson(project, p, true))(find(project.pipelines, (x) => x.id === Number(id))) })],
    [/^\/pipelines\/(\d+)\/test_report$/, (_url, id) => ({ object: ((p) => p && testReportJson(p))(find(project.pipelines, (x) => x.id === Number(id))) })],
    [
      /^\/issues$/,
      (url) =>
        updatedFrom(url, project.issues, (i) => [i.updated_at, i.iid])
          .filter((i) => url.searchParams.get("issue_type") !== "incident" || i.type === "INCIDENT")
          .map((i) => issueJson(project, i)),
    ],
  ];

  return (url: URL, res: ServerResponse) => {
    const m = /^\/api\/v4\/projects\/([^/]+)(.*)$/.exec(url.pathname);
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
}
