// The HTTP shell of a recorded vendor API on loopback (githubRecorded.ts, gitlabRecorded.ts,
// pagerdutyRecorded.ts): every request, its Accept header and every answer body are kept (tests see
// what a sync asked for, and look for secrets); a request without the token is refused; a path can
// be broken (a crash stand-in) or rate limited once; each answer may wait a while, as a real API
// takes time. The vendor gives its routes and its refusals.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type RateLimitHow = "reset" | "retry-after";

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** The request log and the one way answers are sent (so every body is kept). */
function recordedLog() {
  const requests: string[] = [];
  const accepts: string[] = [];
  const bodies: string[] = [];
  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    const text = JSON.stringify(body);
    bodies.push(text);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(text);
  };
  return { requests, accepts, bodies, send };
}

/** What a vendor's routes are given: the server's origin (for links and URLs in answers) and how to answer. */
export interface RecordedServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  send: ReturnType<typeof recordedLog>["send"];
}

/** A vendor's own ways: how a request shows its token, and how the API refuses one. */
export interface VendorAnswers {
  /** The API's path below the origin, as a connection's apiUrl names it ("/api/v4"; none for GitHub). */
  basePath?: string;
  /** The path as tests name it (default: as sent). */
  pathOf?: (url: URL) => string;
  authorized: (req: IncomingMessage, token: string) => boolean;
  unauthorized: Answer;
  serverError: Answer;
  rateLimited: (how: RateLimitHow) => Answer;
}

/** What a test holds of a recorded vendor API: its address, what was asked and answered, and its levers. */
export interface RecordedVendor {
  /** The API's base, as a connection's apiUrl names it. */
  apiUrl: string;
  /** Paths (with query) asked for, in order. */
  requests: string[];
  /** Every request's Accept header. */
  accepts: string[];
  /** Every answer body sent, to search for secrets. */
  bodies: string[];
  /** The next request whose path starts with `prefix` is refused once (GitHub: 403 with x-ratelimit-remaining 0, or 429 with Retry-After; GitLab: 429). */
  rateLimitOnce(prefix: string, how: RateLimitHow): void;
  /** Fail every request whose path starts with `prefix` with a 500 (a crash stand-in) until cleared. */
  breakPath(prefix: string | null): void;
  close(): Promise<void>;
}

/**
 * The page of `items` a list request asks for (`page`, and `per_page` up to `pageSize`, the vendor's
 * default without one), its last page, and a Link header entry (RFC 8288) to another page.
 */
export function pageOf<T>(url: URL, base: string, items: T[], defaultPerPage: number, pageSize: number) {
  const perPage = Math.min(Number(url.searchParams.get("per_page") ?? defaultPerPage), pageSize);
  const page = Number(url.searchParams.get("page") ?? 1);
  const link = (p: number, rel: string) => {
    const next = new URL(url.toString());
    next.searchParams.set("page", String(p));
    return `<${base}${next.pathname}${next.search}>; rel="${rel}"`;
  };
  return { page, perPage, last: Math.max(1, Math.ceil(items.length / perPage)), slice: items.slice((page - 1) * perPage, page * perPage), link };
}

/** A rate limit's reset, in epoch seconds, an hour from now: the sync tests expect a wait of about an hour. */
export const resetInAnHour = () => String(Math.floor(Date.now() / 1000) + 3600);

/** How a test starts a recorded vendor API. */
export interface RecordedApiOptions {
  /** The token a request must carry. */
  token: string;
  /** Items a page at most (the vendor's own default applies below it). */
  pageSize?: number;
  /** Each answer waits this long, as a real API takes time (so a sync is seen in progress). */
  latencyMs?: number;
}

/**
 * Starts a vendor's API: `routes` is called once the server listens, with its origin, and returns how
 * to answer a request that carries the token and is neither broken nor rate limited.
 */
export async function startRecordedApi(
  options: RecordedApiOptions,
  vendor: VendorAnswers,
  routes: (server: RecordedServer) => (url: URL, res: ServerResponse) => void,
): Promise<RecordedVendor> {
  const log = recordedLog();
  const limits: { prefix: string; how: RateLimitHow }[] = [];
  let broken: string | null = null;
  const answer = (res: ServerResponse, a: Answer) => log.send(res, a.status, a.body, a.headers);

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://recorded.invalid");
    const path = vendor.pathOf?.(url) ?? url.pathname;
    log.requests.push(path + url.search);
    log.accepts.push(req.headers.accept ?? "");
    if (!vendor.authorized(req, options.token)) return answer(res, vendor.unauthorized);
    if (broken && path.startsWith(broken)) return answer(res, vendor.serverError);
    const limit = limits.findIndex((l) => path.startsWith(l.prefix));
    if (limit >= 0) return answer(res, vendor.rateLimited(limits.splice(limit, 1)[0]?.how ?? "reset"));
    if (options.latencyMs) setTimeout(() => route(url, res), options.latencyMs);
    else route(url, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Made once the server listens, before anyone knows its port to ask it anything.
  const route = routes({ origin, send: log.send });
  return {
    apiUrl: origin + (vendor.basePath ?? ""),
    requests: log.requests,
    accepts: log.accepts,
    bodies: log.bodies,
    rateLimitOnce: (prefix, how) => limits.push({ prefix, how }),
    breakPath: (prefix) => {
      broken = prefix;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
