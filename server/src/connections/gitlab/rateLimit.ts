// How long GitLab asks us to wait before the next request, from a refused answer's status and
// headers (docs.gitlab.com "Rate limits": a 429 with Retry-After, and RateLimit-Reset in epoch
// seconds). undefined: not a rate limit.

/** A 429 that says nothing about when: a minute, as for GitHub's secondary limits. */
const DEFAULT_WAIT_MS = 60_000;

export function gitlabRateLimitWaitMs(status: number, headers: Headers, nowMs: number): number | undefined {
  if (status !== 429) return undefined;
  const retryAfter = Number(headers.get("retry-after") ?? Number.NaN);
  if (Number.isFinite(retryAfter)) return Math.max(0, retryAfter) * 1000;
  const reset = Number(headers.get("ratelimit-reset") ?? Number.NaN);
  // The reset is in epoch seconds; a second more for clocks that disagree a little.
  return Number.isFinite(reset) ? Math.max(0, reset * 1000 - nowMs) + 1000 : DEFAULT_WAIT_MS;
}
