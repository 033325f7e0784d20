// pull_request_review → a review of the pull request (never a change), from GitHub's documented
// example (test/fixtures/webhooks/SOURCES.md); the cases change one field of it in memory.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { mapGithub } from "./map.ts";

const FIXTURE = fileURLToPath(new URL("../../../../test/fixtures/webhooks/github/pull_request_review.json", import.meta.url));

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

const load = (): ReviewFixture => JSON.parse(readFileSync(FIXTURE, "utf8")) as ReviewFixture;
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
    expect(mapGithub("pull_request_review", payload)).toEqual(expected);
  });

  test("a payload without its pull request is not understood", () => {
    const payload: Partial<ReviewFixture> = load();
    delete payload.pull_request;
    expect(mapGithub("pull_request_review", payload).dropped).toEqual([expect.stringContaining("pull_request_review: payload not understood (pull_request")]);
  });
});
