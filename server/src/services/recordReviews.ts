// Reviews of pull requests from webhooks (GitHub pull_request_review, GitLab approvals and notes),
// recorded by pull request, never as changes: see PullRequestReview in prisma/schema.prisma and
// docs/metrics.md, "First review". Earliest wins; a resend or a later review changes nothing.
import type { Db } from "../db/client.ts";
import { lowerFirstReviews } from "../db/queries/pullRequestReviews.ts";
import type { PullRequestReviewInput } from "../ingest/mapResult.ts";

export interface ReviewCounts {
  accepted: number;
  /** PRs whose first review this made: new ones, and ones it moved earlier. */
  created: number;
  updated: number;
  unchanged: number;
}

export async function recordReviews(db: Db, reviews: readonly PullRequestReviewInput[]): Promise<ReviewCounts> {
  const { created, updated } = await lowerFirstReviews(db, reviews);
  return { accepted: reviews.length, created, updated, unchanged: reviews.length - created - updated };
}
