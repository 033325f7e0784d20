import { describe, expect, test } from "vitest";
import { pagerdutyWaitMs } from "./rateLimit.ts";

describe("pagerdutyWaitMs", () => {
  const cases: [string, number, Record<string, string>, number | undefined][] = [
    ["a 429 with ratelimit-reset waits its seconds", 429, { "ratelimit-reset": "30", "ratelimit-remaining": "0" }, 30_000],
    ["Retry-After wins over ratelimit-reset", 429, { "retry-after": "5", "ratelimit-reset": "30" }, 5_000],
    ["a bare 429 waits a minute", 429, {}, 60_000],
    ["an unreadable reset falls back to a minute", 429, { "ratelimit-reset": "soon" }, 60_000],
    ["a 403 is a refusal, not a rate limit", 403, { "ratelimit-reset": "30" }, undefined],
    ["a 500 is not a rate limit", 500, { "retry-after": "5" }, undefined],
  ];
  test.each(cases)("%s", (_name, status, headers, expected) => {
    expect(pagerdutyWaitMs(status, headers, 0)).toBe(expected);
  });
});
