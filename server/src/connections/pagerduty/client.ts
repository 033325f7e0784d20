// PagerDuty's REST API v2 with plain fetch (developer.pagerduty.com "API Reference"): the token in
// `Authorization: Token token=…`, the version in Accept, classic offset pagination (`more`), and
// 429s waited out on the injected clock: a rate limit only delays a sync.
import { waitingOutRateLimits, type WaitOptions } from "../rateLimited.ts";
import { withRequestSignal } from "../requestSignal.ts";
import { pagerdutyWaitMs } from "./rateLimit.ts";

const DEFAULT_API_URL = "https://api.pagerduty.com";
/** PagerDuty's largest page. */
export const PAGE_LIMIT = 100;
/** PagerDuty refuses offset + limit beyond this (classic pagination's ceiling). */
export const MAX_OFFSET = 10_000;

export type Params = [string, string][];

/** A refused request, in words (never the token); `httpStatus` for callers that act on it. */
export class PagerdutyError extends Error {
  override name = "PagerdutyError";
  constructor(
    readonly httpStatus: number,
    path: string,
    detail: string,
  ) {
    super(`${wordsFor(httpStatus, path)}${detail ? ` PagerDuty said: ${detail}` : ""}`);
  }
}

function wordsFor(status: number, path: string): string {
  if (status === 401) return `The token was refused (401) (${path}): check it is a valid PagerDuty REST API key.`;
  if (status === 403) return `The token may not read this (403) (${path}): give it read access to incidents and services.`;
  if (status === 404) return `Not found (404) (${path}): check apiUrl and the service ids.`;
  return `PagerDuty answered ${status} (${path}).`;
}

export interface PagerdutyClient {
  get<T>(path: string, params?: Params): Promise<T>;
}

/** A rate-limited answer, with what the wait rule reads (thrown, so that rateLimited.ts waits it out). */
class RateLimited extends Error {
  constructor(readonly answer: { ok: boolean; status: number; headers: Record<string, string>; text: string }) {
    super(`PagerDuty answered ${answer.status}`);
  }
}

export function pagerdutyClient(options: WaitOptions & { apiUrl?: string | undefined; token: string }): PagerdutyClient {
  const base = options.apiUrl ?? DEFAULT_API_URL;
  const headers = { authorization: `Token token=${options.token}`, accept: "application/vnd.pagerduty+json;version=2", "user-agent": "keel-connection" };
  return {
    async get<T>(path: string, params: Params = []): Promise<T> {
      const url = `${base}${path}${params.length ? `?${new URLSearchParams(params).toString()}` : ""}`;
      const waitFor = (error: unknown) =>
        error instanceof RateLimited ? pagerdutyWaitMs(error.answer.status, error.answer.headers, options.clock.now()) : undefined;
      const answer = await waitingOutRateLimits(
        async () => {
          const sent = await send(url, headers, options.signal);
          if (!sent.ok && pagerdutyWaitMs(sent.status, sent.headers, options.clock.now()) !== undefined) throw new RateLimited(sent);
          return sent;
        },
        waitFor,
        options,
      ).catch((error: unknown) => {
        // Still rate limited after the last wait: said as any other refusal.
        if (error instanceof RateLimited) return error.answer;
        throw error;
      });
      if (answer.ok) return JSON.parse(answer.text) as T;
      throw new PagerdutyError(answer.status, path, errorDetail(answer.text));
    },
  };
}

/** One request, its answer read whole, with its own signal (requestSignal.ts). */
function send(url: string, headers: Record<string, string>, sync: AbortSignal) {
  return withRequestSignal(sync, async (signal) => {
    const res = await fetch(url, { headers, signal });
    return { ok: res.ok, status: res.status, headers: Object.fromEntries(res.headers), text: await res.text() };
  });
}

/** PagerDuty's own short message (`{ error: { message, errors } }`), if the answer has one. */
function errorDetail(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown; errors?: unknown } };
    const parts = [body.error?.message, ...(Array.isArray(body.error?.errors) ? body.error.errors : [])].filter((p) => typeof p === "string");
    return parts.join("; ").slice(0, 300);
  } catch {
    return "";
  }
}

export interface OffsetPage<T> {
  items: T[];
  /** PagerDuty has more after this page. */
  more: boolean;
}

/**
 * An offset-paginated list page by page, until `more` is false or the offset ceiling is reached
 * (the last page then says `more: true`, and the caller narrows its query to go on).
 */
export async function* offsetPages<T>(client: PagerdutyClient, path: string, key: string, params: Params = []): AsyncGenerator<OffsetPage<T>> {
  for (let offset = 0; offset < MAX_OFFSET; ) {
    const limit = Math.min(PAGE_LIMIT, MAX_OFFSET - offset);
    const page = await client.get<Record<string, unknown>>(path, [...params, ["limit", String(limit)], ["offset", String(offset)]]);
    const items = (page[key] as T[] | undefined) ?? [];
    const more = page.more === true && items.length > 0;
    yield { items, more };
    if (!more) return;
    // The server may answer fewer than asked (its own cap): the next page starts after what came.
    offset += items.length;
  }
}
