// What the webhook mapping tests (ingest/<vendor>/*.test.ts) share: the vendors' documented example
// payloads in test/fixtures/webhooks/ (SOURCES.md says where each comes from), and a mapping that
// checks every event it made is a valid Keel event.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { AnyEvent } from "@keel/shared";
import { expect } from "vitest";
import type { MapResult } from "../mapResult.ts";

const FIXTURES = fileURLToPath(new URL("../../../../test/fixtures/webhooks/", import.meta.url));

/** Reads `vendor`'s example payloads, afresh on each call, so a test may change one in memory. */
export function webhookFixtures(vendor: "github" | "gitlab" | "pagerduty") {
  return <T>(file: string): T => JSON.parse(readFileSync(`${FIXTURES}${vendor}/${file}`, "utf8")) as T;
}

/** `map`, checking that every event it made is a valid Keel event. */
export function checkingEvents<Args extends unknown[]>(map: (...args: Args) => MapResult): (...args: Args) => MapResult {
  return (...args) => {
    const result = map(...args);
    for (const event of result.events) expect(AnyEvent.safeParse(event).error).toBeUndefined();
    return result;
  };
}
