import { describe, expect, test } from "vitest";
import { gitlabRateLimitWaitMs } from "./rateLimit.ts";

const now = 1_800_000_000_000;

describe("gitlabRateLimitWaitMs", () => {
  test.each([
    ["429 with Retry-After", 429, { "retry-after": "30", "ratelimit-reset": String(now / 1000 + 120) }, 30_000],
    ["429 with RateLimit-Reset: until the reset, plus a second", 429, { "ratelimit-remaining": "0", "ratelimit-reset": String(now / 1000 + 120) }, 121_000],
    ["a reset already past: only the second", 429, { "ratelimit-reset": String(now / 1000 - 30) }, 1_000],
    ["bare 429: a minute", 429, {}, 60_000],
    ["403 is a refusal, not a wait", 403, { "retry-after": "5" }, undefined],
    ["500 is not a rate limit", 500, { "retry-after": "5" }, undefined],
  ])("%s", (_name, status, headers, expected) => {
    expect(gitlabRateLimitWaitMs(status, new Headers(headers), now)).toBe(expected);
  });
});
