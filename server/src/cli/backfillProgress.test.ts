import { describe, expect, test } from "vitest";
import { countsLine, formatDuration, progressLine, walkEta } from "./backfillProgress.ts";

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
    [
      // A walk from Jan 1 that has reached Jul 2 (half the record time to now, Dec 31 at 23:59:00)
      // after 60 s: as long again is left.
      {
        resource: "deployments acme/checkout",
        pages: 3,
        records: 500,
        rateLimitWaits: 0,
        startedAt: "2026-12-31T23:58:00.000Z",
        walk: { from: "2026-01-01T00:00:00.000Z", reached: "2026-07-02T11:59:30.000Z", startedAt: "2026-12-31T23:58:00.000Z" },
      },
      "2026-12-31T23:59:00.000Z",
      "deployments acme/checkout · 3 pages · 500 records · 0 rate-limit waits · 1:00 elapsed · about 1:00 left (this resource)",
    ],
  ])("progress %j", (progress, when, line) => {
    expect(progressLine(progress, typeof when === "string" ? Date.parse(when) : at(when))).toBe(line);
  });

  const walk = (from: string, reached: string, startedAt: string) => ({ from, reached, startedAt });
  test.each([
    ["no walk", null, "2026-11-01T10:01:00Z", null],
    ["too soon to tell", walk("2026-11-01T00:00:00Z", "2026-11-01T05:00:00Z", "2026-11-01T10:00:58Z"), "2026-11-01T10:01:00Z", null],
    ["nothing covered yet", walk("2026-11-01T00:00:00Z", "2026-11-01T00:00:00Z", "2026-11-01T10:00:00Z"), "2026-11-01T10:01:00Z", null],
    // 5 h of record time in 60 s; 5 h 1 min left: 60 × 301 / 300 s.
    ["a fifth of the day, at 5 h a minute", walk("2026-11-01T00:00:00Z", "2026-11-01T05:00:00Z", "2026-11-01T10:00:00Z"), "2026-11-01T10:01:00Z", 60_200],
    ["reached now", walk("2026-11-01T00:00:00Z", "2026-11-01T10:01:00Z", "2026-11-01T10:00:00Z"), "2026-11-01T10:01:00Z", 0],
  ])("ETA: %s", (_case, w, now, ms) => {
    expect(walkEta(w, Date.parse(now))).toBe(ms);
  });

  test.each([
    [{}, "0 deployments, 0 changes, 0 incidents, 0 builds"],
    [{ deployments: 1, changes: 1, incidents: 1, builds: 1 }, "1 deployment, 1 change, 1 incident, 1 build"],
    [{ deployments: 1000, changes: 5, incidents: 2 }, "1,000 deployments, 5 changes, 2 incidents, 0 builds"],
  ])("counts %j", (counts, line) => {
    expect(countsLine(counts)).toBe(line);
  });
});
