// How long GitHub asks us to wait before the next request, from a refused answer's status and
// headers (docs.github.com "Rate limits for the REST API"). undefined: not a rate limit.

/** GitHub: "If you receive a secondary rate limit without retry-after, wait at least one minute." */
const DEFAULT_WAIT_MS = 60_000;

export function rateLimitWaitMs(status: number, headers: Record<string, string | number | undefined>, nowMs: number): number | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = Number(headers["retry-after"]);
  if (headers["retry-after"] !== undefined && Number.isFinite(retryAfter)) return Math.max(0, retryAfter) * 1000;
  if (String(headers["x-ratelimit-remaining"]) === "0") {
    const reset = Number(headers["x-ratelimit-reset"]);
    // The reset is in epoch seconds; a second more for clocks that disagree a little.
    return Number.isFinite(reset) ? Math.max(0, reset * 1000 - nowMs) + 1000 : DEFAULT_WAIT_MS;
  }
  // A 403 without rate-limit headers is a permission refusal; a bare 429 is still a rate limit.
  return status === 429 ? DEFAULT_WAIT_MS : undefined;
}
