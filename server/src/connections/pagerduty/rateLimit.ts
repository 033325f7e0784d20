// How long PagerDuty asks us to wait after a 429 (support.pagerduty.com "REST API Rate Limits": the
// `ratelimit-reset` header is the seconds to wait). A Retry-After, where sent, wins; without either,
// GitHub's rule for a bare 429 applies (one place for Retry-After: ../github/rateLimit.ts).
import { rateLimitWaitMs } from "../github/rateLimit.ts";

export function pagerdutyWaitMs(status: number, headers: Record<string, string | undefined>, nowMs: number): number | undefined {
  if (status !== 429) return undefined;
  const reset = Number(headers["ratelimit-reset"]);
  if (headers["retry-after"] === undefined && headers["ratelimit-reset"] !== undefined && Number.isFinite(reset)) return Math.max(0, reset) * 1000;
  return rateLimitWaitMs(status, headers, nowMs);
}
