// When a demo pull request was opened and first reviewed, between its commit and its merge, so the
// Overview's "Where pull requests wait" shows coding, pickup and review, not only deploy. Derived
// from the commit's (random) sha, not drawn from the generator's random stream: drawing would move
// every later draw, and with them the demo's DORA figures (docs/demo.md).
import type { CommitDraft } from "./drafts.ts";

/** A fraction in [0, 1) from six hex digits of the sha. */
const fraction = (sha: string, at: number) => parseInt(sha.slice(at, at + 6), 16) / 0x1000000;

/**
 * Opened 5–30% of the way from commit to merge; first review 15–75% of the rest of the way; about
 * one PR in ten merged without a review. Nothing for a commit without a pull request.
 */
export function prTimes(commit: CommitDraft): { prOpenedAt: number; prFirstReviewAt?: number } | undefined {
  const { sha, committedAt, prMergedAt } = commit;
  if (commit.prNumber === undefined || prMergedAt === undefined || prMergedAt <= committedAt) return undefined;
  const prOpenedAt = Math.round(committedAt + (prMergedAt - committedAt) * (0.05 + 0.25 * fraction(sha, 0)));
  if (fraction(sha, 12) < 0.1) return { prOpenedAt };
  return { prOpenedAt, prFirstReviewAt: Math.round(prOpenedAt + (prMergedAt - prOpenedAt) * (0.15 + 0.6 * fraction(sha, 6))) };
}
