import { describe, expect, test } from "vitest";
import { countsLine, formatDuration, progressLine } from "./backfillProgress.ts";

describe("keel backfill's progress", () => {
  test.each([
    [0, "0:00"],
    [499, "0:00"],
    [42_000, "0:42"],
    [61_000, "1:01"],
    [3_600_000 + 5 * 60_000 + 7_000, "1:05:07"],
    [-5, "0:00"],
  ])("%i ms is %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  const startedAt = "2026-11-01T10:00:00.000Z";
  const at = (seconds: number) => Date.parse(startedAt) + seconds * 1000;
  test.each([
    [null, 0, "waiting for the sync to start…"],
    [{ resource: null, pages: 0, records: 0, rateLimitWaits: 0, startedAt }, 1, "starting · 0 pages · 0 records · 0 rate-limit waits · 0:01 elapsed"],
    [
      { resource: "deployments acme/checkout", pages: 1, records: 1, rateLimitWaits: 1, startedAt },
      42,
      "deployments acme/checkout · 1 page · 1 record · 1 rate-limit wait · 0:42 elapsed",
    ],
    [
      { resource: "issues acme/checkout", pages: 1200, records: 34_567, rateLimitWaits: 3, startedAt },
      3725,
      "issues acme/checkout · 1,200 pages · 34,567 records · 3 rate-limit waits · 1:02:05 elapsed",
    ],
  ])("progress %j", (progress, seconds, line) => {
    expect(progressLine(progress, at(seconds))).toBe(line);
  });

  test.each([
    [{}, "0 deployments, 0 changes, 0 incidents, 0 builds"],
    [{ deployments: 1, changes: 1, incidents: 1, builds: 1 }, "1 deployment, 1 change, 1 incident, 1 build"],
    [{ deployments: 1000, changes: 5, incidents: 2 }, "1,000 deployments, 5 changes, 2 incidents, 0 builds"],
  ])("counts %j", (counts, line) => {
    expect(countsLine(counts)).toBe(line);
  });
});
