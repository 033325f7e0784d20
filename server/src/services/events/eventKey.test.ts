// Dedupe keys are stored: a resend after an upgrade must find the key it got before. These are
// the keys the first implementation produced; a rewrite of canonicalJson must keep them.
import { AnyEvent } from "@keel/shared";
import { describe, expect, test } from "vitest";
import { canonicalJson, eventDedupeKey } from "./eventKey.ts";

describe("eventDedupeKey", () => {
  test.each([
    [
      {
        type: "deployment",
        id: "d-1",
        service: "checkout",
        status: "success",
        finishedAt: "2026-11-10T12:00:00Z",
        commits: [{ sha: "abcdef12", committedAt: "2026-11-09T10:00:00Z", labels: ["b", "a"] }],
        url: "https://ci.example.com/1",
      },
      "deployment:d-1:b0e41bf31064e3c0a0932b2536d3ff63",
    ],
    [
      { type: "change", sha: "abcdef12", repository: "acme/shop", committedAt: "2026-11-09T10:00:00Z", title: 'é "quoted"' },
      "change:acme/shop@abcdef12:3ae428ee657a6cd6510a16af34618ee7",
    ],
  ])("is stable for %j", (event, key) => {
    expect(eventDedupeKey(AnyEvent.parse(event))).toBe(key);
  });

  test("key order does not matter; undefined properties are left out", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, undefined, null], c: undefined } })).toBe('{"a":{"d":[1,,null]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});
