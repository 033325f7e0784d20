// The GitLab REST API v4 client: plain fetch at the connection's apiUrl with the token as
// PRIVATE-TOKEN, pages by the `Link` header (or `x-next-page`), rate limits waited out on the
// injected clock (../rateLimited.ts). A refused answer is a GitlabError with the status and the
// URL (never the token, which travels only in a header), as describeSyncError reads errors.
import { withRequestSignal } from "../requestSignal.ts";
import { waitingOutRateLimits, type WaitOptions } from "../rateLimited.ts";
import { gitlabRateLimitWaitMs } from "./rateLimit.ts";

export const GITLAB_API_URL = "https://gitlab.com/api/v4";
const PER_PAGE = 100;

export class GitlabError extends Error {
  override name = "GitlabError";
  constructor(
    readonly status: number,
    readonly request: { url: string },
    readonly headers: Headers,
  ) {
    super(`GitLab answered ${status} for ${new URL(request.url).pathname}`);
  }
}

export type Query = Record<string, string | number | undefined>;

export interface GitlabClient {
  get<T>(path: string, query?: Query): Promise<T>;
  /** Every page of a list, one array per page, in the order GitLab lists them. */
  pages<T>(path: string, query?: Query): AsyncGenerator<T[]>;
}

/** A project path or id as GitLab's URLs take it: "group/name" → "group%2Fname". */
export const projectPath = (project: string | number) => `/projects/${encodeURIComponent(String(project))}`;

export function gitlabClient(options: WaitOptions & { apiUrl?: string | undefined; token: string }): GitlabClient {
  const base = (options.apiUrl ?? GITLAB_API_URL).replace(/\/+$/, "");
  const waitFor = (error: unknown) => (error instanceof GitlabError ? gitlabRateLimitWaitMs(error.status, error.headers, options.clock.now()) : undefined);

  const send = (url: string) =>
    waitingOutRateLimits(
      async () => {
        // Each request with its own signal (requestSignal.ts).
        return withRequestSignal(options.signal, async (signal) => {
          const res = await fetch(url, { headers: { "PRIVATE-TOKEN": options.token, accept: "application/json", "user-agent": "keel-connection" }, signal });
          if (!res.ok) {
            await res.body?.cancel();
            throw new GitlabError(res.status, { url }, res.headers);
          }
          return { data: (await res.json()) as unknown, headers: res.headers };
        });
      },
      waitFor,
      options,
    );

  const urlOf = (path: string, query: Query = {}) => {
    const url = new URL(base + path);
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, String(value));
    return url.toString();
  };

  return {
    async get<T>(path: string, query?: Query) {
      return (await send(urlOf(path, query))).data as T;
    },
    async *pages<T>(path: string, query: Query = {}) {
      let url: string | undefined = urlOf(path, { ...query, per_page: PER_PAGE });
      while (url) {
        const { data, headers } = await send(url);
        yield data as T[];
        url = nextPage(url, headers, base);
      }
    },
  };
}

/**
 * The next page's URL: the Link header's rel="next" (kept to the connection's own API, so the token
 * goes nowhere else), else `x-next-page` (empty on the last page).
 */
export function nextPage(current: string, headers: Headers, base: string): string | undefined {
  const link = /<([^>]+)>;\s*rel="next"/.exec(headers.get("link") ?? "")?.[1];
  if (link) {
    if (new URL(link).origin !== new URL(base).origin) throw new Error(`GitLab's next page is on another host (${new URL(link).host}); check apiUrl`);
    return link;
  }
  const page = headers.get("x-next-page");
  if (!page) return undefined;
  const next = new URL(current);
  next.searchParams.set("page", page);
  return next.toString();
}
