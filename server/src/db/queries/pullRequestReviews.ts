// Pull requests' first reviews (PullRequestReview, keyed by repository + PR number): a review
// lowers the stored first review or starts it, never raises it, so deliveries may arrive in any
// order and any number of times. Read by the PR phases query (dora/pullRequests.ts).
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";

export interface FirstReview {
  repository: string;
  prNumber: number;
  /** ISO-8601. */
  reviewedAt: string;
}

/** Stores each PR's earliest review; returns how many PRs it created and how many it moved earlier. */
export async function lowerFirstReviews(tx: Tx, reviews: readonly FirstReview[]): Promise<{ created: number; updated: number }> {
  // One row per PR (an upsert cannot touch a row twice), its earliest review, in key order so that
  // two deliveries locking the same rows take them in the same order.
  const earliest = new Map<string, FirstReview>();
  for (const review of reviews) {
    const key = JSON.stringify([review.repository, review.prNumber]);
    const known = earliest.get(key);
    if (!known || Date.parse(review.reviewedAt) < Date.parse(known.reviewedAt)) earliest.set(key, review);
  }
  const rows = [...earliest.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, review]) => review);
  if (rows.length === 0) return { created: 0, updated: 0 };
  const changed = await tx.$queryRaw<{ inserted: boolean }[]>(Prisma.sql`
    INSERT INTO "PullRequestReview" ("repository", "prNumber", "firstReviewAt", "updatedAt")
    SELECT x."repository", x."prNumber", x."reviewedAt", now()
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x("repository" text, "prNumber" int, "reviewedAt" timestamptz)
    ON CONFLICT ("repository", "prNumber") DO UPDATE SET "firstReviewAt" = excluded."firstReviewAt", "updatedAt" = now()
    WHERE excluded."firstReviewAt" < "PullRequestReview"."firstReviewAt"
    RETURNING (xmax = 0) AS inserted`);
  const created = changed.filter((row) => row.inserted).length;
  return { created, updated: changed.length - created };
}
