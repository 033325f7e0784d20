// pull_request_review → a review of the pull request (never a change), from GitHub's documented
// example (test/fixtures/webhooks/SOURCES.md); the cases change one field of it in memory.
import { describe, expect, test } from "vitest";
import { checkingEvents, webhookFixtures } from "../testSupport/webhookMapping.ts";
import { mapGithub } from "./map.ts";
import { firstReviewAt } from "./reviews.ts";

const fixture = webhookFixtures("github");
const map = checkingEvents(mapGithub);

interface User {
  id: number;
  login: string;
  type: string;
}
interface ReviewFixture {
  action: string;
  review: { id: number; user: User | null; state: string; submitted_at: string | null };
  pull_request: { number: number; user: User };
}

const load = () => fixture<ReviewFixture>("pull_request_review.json");
const octocat: User = { id: 583231, login: "octocat", type: "User" };
const review = (reviewedAt: string) => ({ repository: "Codertocat/Hello-World", prNumber: 2, reviewedAt });
const what = "review 237895671 of pull request #2";

describe("pull_request_review", () => {
  test.each<[string, (p: ReviewFixture) => void, object]>([
    [
      "a review by someone else is the PR's review at its submitted_at, and makes no event",
      (p) => (p.review.user = octocat),
      { events: [], dropped: [], reviews: [review("2019-05-15T15:20:38Z")] },
    ],
    [
      "an approval counts the same",
      (p) => Object.assign(p.review, { user: octocat, state: "approved" }),
      { events: [], dropped: [], reviews: [review("2019-05-15T15:20:38Z")] },
    ],
    [
      "a dismissed review still counts: it was a review when submitted",
      (p) => Object.assign(p, { action: "dismissed", review: { ...p.review, user: octocat, state: "dismissed" } }),
      { events: [], dropped: [], reviews: [review("2019-05-15T15:20:38Z")] },
    ],
    [
      "an edited review counts at its submitted_at (earliest wins downstream)",
      (p) => Object.assign(p, { action: "edited", review: { ...p.review, user: octocat } }),
      { events: [], dropped: [], reviews: [review("2019-05-15T15:20:38Z")] },
    ],
    ["GitHub's example itself: the author reviewing their own PR does not count", () => {}, { events: [], dropped: [`${what}: by the pull request's author`] }],
    [
      "a bot's review does not count",
      (p) => (p.review.user = { id: 49699333, login: "dependabot[bot]", type: "Bot" }),
      { events: [], dropped: [`${what}: by a bot (dependabot[bot])`] },
    ],
    [
      "a reviewer GitHub no longer knows might be the author: not counted",
      (p) => (p.review.user = null),
      { events: [], dropped: [`${what}: the reviewer is unknown (user: null)`] },
    ],
    [
      "a review without submitted_at (pending) is not a review yet",
      (p) => Object.assign(p.review, { user: octocat, submitted_at: null }),
      { events: [], dropped: [`${what}: not submitted (submitted_at null)`] },
    ],
  ])("%s", (_name, change, expected) => {
    const payload = load();
    change(payload);
    expect(map("pull_request_review", payload)).toEqual(expected);
  });

  test("a payload without its pull request is not understood", () => {
    const payload: Partial<ReviewFixture> = load();
    delete payload.pull_request;
    expect(map("pull_request_review", payload).dropped).toEqual([expect.stringContaining("pull_request_review: payload not understood (pull_request")]);
  });
});

describe("firstReviewAt (a connection's GET /pulls/{n}/reviews)", () => {
  const author = { id: 9001, login: "pr-author", type: "User" };
  const by = (user: User | null, submitted_at: string | null) => ({ user, submitted_at });
  test.each<[string, Parameters<typeof firstReviewAt>[0], string | undefined]>([
    [
      "the earliest counted review, whatever the list's order",
      [by(hubot(), "2026-11-02T15:00:00Z"), by(octocat, "2026-11-02T12:00:00Z")],
      "2026-11-02T12:00:00Z",
    ],
    [
      "the author's and a bot's earlier reviews are passed over",
      [by(author, "2026-11-02T10:00:00Z"), by({ id: 2, login: "ci[bot]", type: "Bot" }, "2026-11-02T11:00:00Z"), by(octocat, "2026-11-02T12:00:00Z")],
      "2026-11-02T12:00:00Z",
    ],
    ["a pending review (no submitted_at) and an unknown reviewer are not reviews", [by(octocat, null), by(null, "2026-11-02T09:00:00Z")], undefined],
    ["no reviews", [], undefined],
  ])("%s", (_name, reviews, expected) => {
    expect(firstReviewAt(reviews, author)).toBe(expected);
  });
});

function hubot(): User {
  return { id: 1, login: "hubot", type: "User" };
}
