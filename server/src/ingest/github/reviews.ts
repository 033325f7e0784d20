// Which GitHub reviews count as a pull request's review: one rule for the webhook
// (pull_request_review) and the connector (GET /pulls/{n}/reviews). docs/metrics.md, "First review".
import { isTimestamp } from "../mapResult.ts";

export interface GithubUser {
  id: number;
  login: string;
  /** "User", "Bot" (apps, dependabot...) or "Organization". */
  type?: string | null | undefined;
}

export interface GithubReview {
  user?: GithubUser | null | undefined;
  submitted_at?: string | null | undefined;
}

/**
 * Why a review is not someone picking the pull request up; undefined when it is. A dismissed review
 * counts (its state is not read): it was a review when submitted. The author's own reviews and
 * bots' do not; nor one whose reviewer GitHub no longer knows (a deleted account might be the author).
 */
export function notAReview(review: GithubReview, author: GithubUser | null | undefined): string | undefined {
  if (!isTimestamp(review.submitted_at)) return `not submitted (submitted_at ${JSON.stringify(review.submitted_at ?? null)})`;
  if (!review.user) return "the reviewer is unknown (user: null)";
  if (review.user.id === author?.id) return "by the pull request's author";
  if (review.user.type === "Bot") return `by a bot (${review.user.login})`;
  return undefined;
}

/** The earliest submitted_at of the reviews that count; undefined when none does. */
export function firstReviewAt(reviews: readonly GithubReview[], author: GithubUser | null | undefined): string | undefined {
  const times = reviews.flatMap((review) => (notAReview(review, author) === undefined && review.submitted_at ? [review.submitted_at] : []));
  return times.sort((a, b) => Date.parse(a) - Date.parse(b))[0];
}
