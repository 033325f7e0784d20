import { describe, expect, test } from "vitest";
import { rateLimitWaitMs } from "./rateLimit.ts";

const now = 1_800_000_000_000;

describe("rateLimitWaitMs", () => {
  test.each([
    ["primary limit: until the reset, plus a second", 403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + 120) }, 121_000],
    ["429 with the reset headers", 429, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + 5) }, 6_000],
    ["a reset already past: only the second", 403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 - 30) }, 1_000],
    ["secondary limit: Retry-After wins", 403, { "retry-after": "30", "x-ratelimit-remaining": "12" }, 30_000],
    ["429 with Retry-After", 429, { "retry-after": "5" }, 5_000],
    ["bare 429: a minute", 429, {}, 60_000],
    ["remaining 0 without a reset: a minute", 403, { "x-ratelimit-remaining": "0" }, 60_000],
    ["403 without rate-limit headers: a refusal, not a wait", 403, { "x-ratelimit-remaining": "4999" }, undefined],
    ["other statuses are not rate limits", 500, { "retry-after": "5" }, undefined],
    ["401 is not a rate limit", 401, {}, undefined],
  ])("%s", (_name, status, headers, expected) => {
    expect(rateLimitWaitMs(status, headers, now)).toBe(expected);
  });
});
