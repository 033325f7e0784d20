import { HOUR_MS } from "@keel/shared/calendar";
import { describe, expect, test } from "vitest";
import type { CommitDraft } from "./drafts.ts";
import { generateDemo } from "./generateDemo.ts";
import { prTimes } from "./prTimes.ts";

const commit = (sha: string, extra: Partial<CommitDraft>): CommitDraft => ({ sha, committedAt: 0, ...extra });

describe("prTimes", () => {
  test.each<[string, CommitDraft, ReturnType<typeof prTimes>]>([
    // Fractions from the sha: 000000 → 0, 800000 → 0.5; review skipped when digits 12-17 are below 0.1.
    [
      "lowest digits: opened 5% of the way, reviewed 15% of the rest",
      commit("000000000000ffffff", { prNumber: 1, prMergedAt: 100 * HOUR_MS }),
      { prOpenedAt: 5 * HOUR_MS, prFirstReviewAt: 5 * HOUR_MS + 0.15 * 95 * HOUR_MS },
    ],
    [
      "middle digits: opened 17.5%, reviewed 45% of the rest",
      commit("800000800000ffffff", { prNumber: 1, prMergedAt: 100 * HOUR_MS }),
      { prOpenedAt: 17.5 * HOUR_MS, prFirstReviewAt: 17.5 * HOUR_MS + 0.45 * 82.5 * HOUR_MS },
    ],
    ["about one in ten is merged unreviewed", commit("000000000000100000", { prNumber: 1, prMergedAt: 100 * HOUR_MS }), { prOpenedAt: 5 * HOUR_MS }],
    ["no pull request, no times", commit("800000800000ffffff", { prMergedAt: 100 * HOUR_MS }), undefined],
    ["no merge time, no times", commit("800000800000ffffff", { prNumber: 1 }), undefined],
  ])("%s", (_name, input, expected) => {
    expect(prTimes(input)).toEqual(expected);
  });

  test("in the demo, every deployed PR opens after its commit and is reviewed before its merge; most are reviewed", () => {
    const commits = generateDemo({ now: new Date("2026-11-30T12:00:00Z") }).events.flatMap((e) => (e.type === "deployment" ? (e.commits ?? []) : []));
    const prs = commits.filter((c) => c.prNumber !== undefined);
    expect(prs.length).toBeGreaterThan(100);
    for (const c of prs) {
      expect(Date.parse(c.prOpenedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(c.committedAt));
      if (c.prFirstReviewAt) expect(Date.parse(c.prFirstReviewAt)).toBeGreaterThanOrEqual(Date.parse(c.prOpenedAt ?? ""));
      expect(Date.parse(c.prMergedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(c.prFirstReviewAt ?? c.prOpenedAt ?? ""));
    }
    const reviewed = prs.filter((c) => c.prFirstReviewAt).length / prs.length;
    expect(reviewed).toBeGreaterThan(0.8);
    expect(reviewed).toBeLessThan(0.97);
  });
});
