// First reviews from review webhooks, through the real routes (/webhooks/github, /webhooks/gitlab)
// and GET /api/v1/metrics/pull-requests (docs/metrics.md, "First review"). A review is kept by pull
// request (repository + number), earliest wins, whether it arrives before or after the PR's
// changes; it never makes a Change. Payloads are the vendors' documented examples
// (test/fixtures/webhooks/SOURCES.md) with the reviewer and times changed in memory.
// Calendar: November 2026, Mondays the 2nd and 9th; organisation time zone UTC.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PullRequestMetrics } from "../../../server/src/services/getPullRequestMetrics.ts";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { postGithubWebhook, postGitlabWebhook } from "../../support/webhookDeliveries.ts";
import { deploy, send } from "./support.ts";

const secrets = { github: "github-secret-for-reviews", gitlab: "gitlab-token-for-reviews" };
const FIXTURES = fileURLToPath(new URL("../../fixtures/webhooks/", import.meta.url));
const fixture = <T>(file: string): T => JSON.parse(readFileSync(FIXTURES + file, "utf8")) as T;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ webhookSecrets: secrets });
});
afterAll(() => app?.close());

/** Sends a signed delivery, waits for it to be processed; returns its raw event's dedupe key. */
async function github(kind: string, payload: unknown): Promise<string> {
  const delivery = randomUUID();
  expect((await postGithubWebhook(app, secrets.github, kind, JSON.stringify(payload), delivery)).status).toBe(202);
  await app.webhookQueue.idle();
  return `github:${delivery}`;
}

async function gitlab(kind: string, payload: unknown): Promise<string> {
  const uuid = randomUUID();
  expect((await postGitlabWebhook(app, secrets.gitlab, kind, JSON.stringify(payload), uuid)).status).toBe(202);
  await app.webhookQueue.idle();
  return (await app.database.prisma.rawEvent.findFirstOrThrow({ where: { source: "gitlab" }, orderBy: { id: "desc" } })).dedupeKey;
}

const note = async (dedupeKey: string) => (await app.database.prisma.rawEvent.findUniqueOrThrow({ where: { dedupeKey } })).note;

// GitHub's example: review 237895671 of Codertocat/Hello-World#2, whose author is Codertocat (21031067).
interface ReviewPayload {
  review: { user: { id: number; login: string; type: string }; submitted_at: string; commit_id: string };
  pull_request: { number: number };
}
const octocat = { id: 583231, login: "octocat", type: "User" };
const hubot = { id: 1, login: "hubot", type: "User" };
function githubReview(prNumber: number, submittedAt: string, user: { id: number; login: string; type: string } | "author"): ReviewPayload {
  const payload = fixture<ReviewPayload>("github/pull_request_review.json");
  payload.pull_request.number = prNumber;
  payload.review.submitted_at = submittedAt;
  if (user !== "author") payload.review.user = user;
  return payload;
}

const repository = "Codertocat/Hello-World";
const change = (sha: string, prNumber: number, committedAt: string, prOpenedAt: string, prMergedAt: string) => ({
  type: "change" as const,
  sha,
  repository,
  service: "Hello-World",
  committedAt,
  prNumber,
  prOpenedAt,
  prMergedAt,
});
const ship = (id: string, finishedAt: string, sha: string, committedAt: string, service = "Hello-World", repo = repository) =>
  deploy(id, service, finishedAt, { repository: repo, commits: [{ sha, committedAt }] });

async function prs(service: string): Promise<PullRequestMetrics> {
  const res = await app.request(`/api/v1/metrics/pull-requests?${new URLSearchParams({ from: "2026-11-02", to: "2026-11-16", service })}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as PullRequestMetrics;
}
const phase = (medianHours: number | null, p90Hours: number | null, count: number) => ({ medianHours, p90Hours, count });
const changeRows = () => app.database.prisma.change.count();

describe("GitHub pull_request_review", () => {
  test("reviews before the PR's changes arrive: kept by PR, earliest wins, the author's and a bot's ignored, no Change made", async () => {
    const before = await changeRows();
    const first = await github("pull_request_review", githubReview(2, "2026-11-03T14:00:00Z", octocat));
    expect(await note(first)).toBe(`recorded 1 review (${repository}#2 at 2026-11-03T14:00:00Z; first review created 1, moved earlier 0, unchanged 0)`);
    // Earlier, but by the author or a bot: they would have lowered the first review.
    const own = await github("pull_request_review", githubReview(2, "2026-11-02T15:00:00Z", "author"));
    expect(await note(own)).toBe("recorded 0; dropped 1: review 237895671 of pull request #2: by the pull request's author");
    await github("pull_request_review", githubReview(2, "2026-11-02T16:00:00Z", { id: 49699333, login: "dependabot[bot]", type: "Bot" }));
    // Later, by another reviewer: the first review stays.
    const later = await github("pull_request_review", githubReview(2, "2026-11-03T18:00:00Z", hubot));
    expect(await note(later)).toContain("first review created 0, moved earlier 0, unchanged 1");

    expect(await changeRows()).toBe(before);
    const reviewedSha = fixture<ReviewPayload>("github/pull_request_review.json").review.commit_id;
    expect(await app.database.prisma.change.count({ where: { sha: reviewedSha } })).toBe(0);
    expect(await app.database.prisma.pullRequestReview.findMany({ select: { repository: true, prNumber: true, firstReviewAt: true } })).toEqual([
      { repository, prNumber: 2, firstReviewAt: new Date("2026-11-03T14:00:00Z") },
    ]);

    // Now PR 2's change and its deployment: committed Nov 2 08:00, opened 14:00, merged Nov 3 20:00, deployed Nov 4 08:00.
    await send(app, [
      change("a1a1a1a1", 2, "2026-11-02T08:00:00Z", "2026-11-02T14:00:00Z", "2026-11-03T20:00:00Z"),
      ship("rv-d1", "2026-11-04T08:00:00Z", "a1a1a1a1", "2026-11-02T08:00:00Z"),
    ]);
    // Pickup Nov 2 14:00 → Nov 3 14:00 = 24 h; review 14:00 → 20:00 = 6 h; coding 6 h; deploy 12 h; cycle 48 h.
    expect((await prs("Hello-World")).summary).toEqual({
      pullRequests: 1,
      undeployed: 0,
      codingHours: phase(6, 6, 1),
      pickupHours: phase(24, 24, 1),
      reviewHours: phase(6, 6, 1),
      deployHours: phase(12, 12, 1),
      cycleHours: phase(48, 48, 1),
    });
  });

  test("reviews after the PR's changes: applied to it, and an earlier review arriving later lowers the first review", async () => {
    // PR 5: committed Nov 9 09:00, opened 10:00, merged 18:00, deployed Nov 10 06:00; no review yet.
    await send(app, [
      change("b1b1b1b1", 5, "2026-11-09T09:00:00Z", "2026-11-09T10:00:00Z", "2026-11-09T18:00:00Z"),
      ship("rv-d2", "2026-11-10T06:00:00Z", "b1b1b1b1", "2026-11-09T09:00:00Z"),
    ]);
    const before = await changeRows();
    expect((await prs("Hello-World")).summary.pickupHours).toEqual(phase(24, 24, 1));

    await github("pull_request_review", githubReview(5, "2026-11-09T12:00:00Z", octocat));
    // PR 2: pickup 24, review 6; PR 5: pickup 10:00 → 12:00 = 2 h, review 12:00 → 18:00 = 6 h.
    // Pickup [2, 24]: median 13, p90 2 + 0.9 × 22 = 21.8.
    const once = (await prs("Hello-World")).summary;
    expect(once.pickupHours).toEqual({ medianHours: 13, p90Hours: expect.closeTo(21.8, 9), count: 2 });
    expect(once.reviewHours).toEqual(phase(6, 6, 2));

    const earlier = await github("pull_request_review", githubReview(5, "2026-11-09T11:00:00Z", hubot));
    expect(await note(earlier)).toContain("first review created 0, moved earlier 1, unchanged 0");
    // PR 5 now: pickup 1 h, review 11:00 → 18:00 = 7 h. Pickup [1, 24]: median 12.5, p90 1 + 0.9 × 23 = 21.7;
    // review [6, 7]: median 6.5, p90 6.9.
    const twice = (await prs("Hello-World")).summary;
    expect(twice.pickupHours).toEqual({ medianHours: 12.5, p90Hours: expect.closeTo(21.7, 9), count: 2 });
    expect(twice.reviewHours).toEqual({ medianHours: 6.5, p90Hours: expect.closeTo(6.9, 9), count: 2 });
    expect(twice.pullRequests).toBe(2);
    expect(await changeRows()).toBe(before);
  });
});

// GitLab's examples: note 1244 by user 1 on gitlab-org/gitlab-test!1 (author 8); approvals of
// gitlabhq/gitlab-test!1 (author 51) by user 1.
interface NotePayload {
  object_attributes: { author_id: number; created_at: string; system: boolean };
}
interface MergeRequestPayload {
  object_attributes: { action: string };
}
function gitlabNote(createdAt: string, change: Partial<NotePayload["object_attributes"]> = {}): NotePayload {
  const payload = fixture<NotePayload>("gitlab/note_merge_request.json");
  Object.assign(payload.object_attributes, { created_at: createdAt, ...change });
  return payload;
}

describe("GitLab notes and approvals", () => {
  test("a merge-request note by another user is the first review; the author's and system notes are not", async () => {
    const before = await changeRows();
    await gitlab("Note Hook", gitlabNote("2026-11-05 09:30:00 UTC", { system: true }));
    await gitlab("Note Hook", gitlabNote("2026-11-05 10:00:00 UTC", { author_id: 8 }));
    const counted = await gitlab("Note Hook", gitlabNote("2026-11-05 11:00:00 UTC"));
    expect(await note(counted)).toContain("gitlab-org/gitlab-test#1 at 2026-11-05T11:00:00Z; first review created 1");
    expect(await changeRows()).toBe(before);
    // The merge request: committed Nov 5 08:00, opened 09:00, merged 15:00, deployed 18:00.
    await send(app, [
      {
        type: "change",
        sha: "c1c1c1c1",
        repository: "gitlab-org/gitlab-test",
        service: "gitlab-test",
        committedAt: "2026-11-05T08:00:00Z",
        prNumber: 1,
        prOpenedAt: "2026-11-05T09:00:00Z",
        prMergedAt: "2026-11-05T15:00:00Z",
      },
      ship("rv-gl1", "2026-11-05T18:00:00Z", "c1c1c1c1", "2026-11-05T08:00:00Z", "gitlab-test", "gitlab-org/gitlab-test"),
    ]);
    // Pickup 09:00 → 11:00 = 2 h (not 1 h from the author's note); review 11:00 → 15:00 = 4 h.
    const summary = (await prs("gitlab-test")).summary;
    expect(summary).toMatchObject({ pullRequests: 1, pickupHours: phase(2, 2, 1), reviewHours: phase(4, 4, 1), codingHours: phase(1, 1, 1) });
  });

  test("an approval is a review at the delivery's receipt (its hook carries no time); it makes no change", async () => {
    const before = await changeRows();
    const payload = fixture<MergeRequestPayload>("gitlab/merge_request.json");
    payload.object_attributes.action = "approval";
    const key = await gitlab("Merge Request Hook", payload);
    const delivery = await app.database.prisma.rawEvent.findUniqueOrThrow({ where: { dedupeKey: key } });
    const review = await app.database.prisma.pullRequestReview.findUniqueOrThrow({
      where: { repository_prNumber: { repository: "gitlabhq/gitlab-test", prNumber: 1 } },
    });
    expect(review.firstReviewAt).toEqual(delivery.receivedAt);
    expect(await changeRows()).toBe(before);
  });
});
