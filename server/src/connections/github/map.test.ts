import { describe, expect, test } from "vitest";
import { finalStatus, mapDeployment, mapIssue, mapWorkflowRun, pullOfCommit, type GithubDeployment, type ShippedCommit } from "./map.ts";

const repo = { name: "checkout", full_name: "acme/checkout" };
const deployment: GithubDeployment = { id: 42, sha: "abc1234", environment: "production", created_at: "2026-11-02T09:00:00Z", payload: {} };
const commit = (sha: string, date: string, pull?: ShippedCommit["pull"]): ShippedCommit => ({
  sha,
  commit: { message: `feat: ${sha}\n\nbody`, author: { date }, committer: { date } },
  pull,
});

describe("finalStatus", () => {
  test.each([
    ["newest final status wins", [{ state: "failure" }, { state: "success" }], "failure"],
    ["inactive after success: the success", [{ state: "inactive" }, { state: "success" }], "success"],
    ["error is a final status", [{ state: "error" }, { state: "in_progress" }], "error"],
    ["still running: none", [{ state: "in_progress" }, { state: "queued" }], undefined],
    ["no statuses: none", [], undefined],
  ])("%s", (_name, statuses, expected) => {
    expect(finalStatus(statuses)?.state).toBe(expected);
  });
});

describe("pullOfCommit", () => {
  const p = (number: number, merge: string | null, merged: string | null) => ({
    number,
    created_at: "2026-11-01T00:00:00Z",
    merged_at: merged,
    merge_commit_sha: merge,
  });
  test.each([
    ["the pull request the commit merged", [p(1, "x", "2026-11-01T01:00:00Z"), p(2, "abc", "2026-11-01T02:00:00Z")], 2],
    ["else a merged one", [p(1, null, null), p(3, "zzz", "2026-11-01T02:00:00Z")], 3],
    ["else the first", [p(4, null, null)], 4],
    ["none", [], undefined],
  ])("%s", (_name, pulls, expected) => {
    expect(pullOfCommit("abc", pulls)?.number).toBe(expected);
  });
});

describe("mapDeployment", () => {
  test("a successful deployment carries the commits it shipped, and a change per pull request", () => {
    const shipped = [
      commit("c1", "2026-11-02T08:00:00Z", { number: 7, created_at: "2026-11-01T10:00:00Z", merged_at: "2026-11-02T08:00:00Z", labels: [{ name: "bug" }] }),
      commit("c2", "2026-11-02T08:30:00Z"),
    ];
    const { events } = mapDeployment(repo, deployment, { state: "success", created_at: "2026-11-02T10:00:00Z", log_url: "https://ci.example/42" }, shipped);
    expect(events).toEqual([
      {
        type: "deployment",
        id: "github:42",
        service: "checkout",
        environment: "production",
        status: "success",
        startedAt: "2026-11-02T09:00:00Z",
        finishedAt: "2026-11-02T10:00:00Z",
        commitSha: "abc1234",
        repository: "acme/checkout",
        url: "https://ci.example/42",
        commits: [
          {
            sha: "c1",
            committedAt: "2026-11-02T08:00:00Z",
            authoredAt: "2026-11-02T08:00:00Z",
            message: "feat: c1\n\nbody",
            prNumber: 7,
            prMergedAt: "2026-11-02T08:00:00Z",
            labels: ["bug"],
          },
          {
            sha: "c2",
            committedAt: "2026-11-02T08:30:00Z",
            authoredAt: "2026-11-02T08:30:00Z",
            message: "feat: c2\n\nbody",
            prNumber: undefined,
            prMergedAt: undefined,
            labels: undefined,
          },
        ],
      },
      {
        type: "change",
        sha: "c1",
        repository: "acme/checkout",
        service: "checkout",
        committedAt: "2026-11-02T08:00:00Z",
        authoredAt: "2026-11-02T08:00:00Z",
        prNumber: 7,
        prOpenedAt: "2026-11-01T10:00:00Z",
        prMergedAt: "2026-11-02T08:00:00Z",
        labels: ["bug"],
        title: "feat: c1",
      },
    ]);
  });

  test.each([
    ["failure", "failure"],
    ["error", "failure"],
  ])("a %s status is a failed deployment without commits", (state, status) => {
    const { events } = mapDeployment(repo, deployment, { state, created_at: "2026-11-02T10:00:00Z" }, [commit("c1", "2026-11-02T08:00:00Z")]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: "github:42", status });
    expect(events[0]).not.toHaveProperty("commits");
  });

  test("a deployment payload naming a service is that service's", () => {
    const { events } = mapDeployment(
      repo,
      { ...deployment, payload: { service: "checkout-api" } },
      { state: "success", created_at: "2026-11-02T10:00:00Z" },
      [],
    );
    expect(events[0]).toMatchObject({ service: "checkout-api", commits: [] });
  });
});

describe("mapIssue and mapWorkflowRun", () => {
  const issue = {
    number: 7,
    title: "Down",
    state: "closed",
    labels: [{ name: "incident" }, { name: "sev1" }],
    created_at: "2026-11-03T12:00:00Z",
    updated_at: "2026-11-03T14:00:00Z",
    closed_at: "2026-11-03T14:00:00Z",
    html_url: "https://github.com/acme/checkout/issues/7",
  };
  test.each([
    [
      "a closed incident issue is a resolved incident",
      issue,
      { id: "github-issue:acme/checkout#7", severity: "sev1", openedAt: "2026-11-03T12:00:00Z", resolvedAt: "2026-11-03T14:00:00Z" },
    ],
    ["an open one is unresolved", { ...issue, state: "open", closed_at: null }, { id: "github-issue:acme/checkout#7", resolvedAt: undefined }],
    ["a pull request is no incident", { ...issue, pull_request: { url: "x" } }, null],
    ["an issue without the label is no incident", { ...issue, labels: [{ name: "bug" }] }, null],
  ])("%s", (_name, input, expected) => {
    const { events } = mapIssue(repo, input);
    if (expected === null) expect(events).toEqual([]);
    else expect(events[0]).toMatchObject(expected);
  });

  const run = {
    id: 9,
    name: "Build",
    path: ".github/workflows/b.yml",
    head_sha: "abc1234",
    head_branch: "main",
    event: "push",
    run_attempt: 2,
    status: "completed",
    conclusion: "timed_out",
    created_at: "2026-11-04T10:00:00Z",
    run_started_at: "2026-11-04T10:05:00Z",
    updated_at: "2026-11-04T10:15:00Z",
    html_url: "https://github.com/acme/checkout/actions/runs/9",
  };
  test.each([
    [
      "a completed run is a build (timed out: failure)",
      run,
      { id: "github:9:2", status: "failure", attempt: 2, startedAt: "2026-11-04T10:05:00Z", finishedAt: "2026-11-04T10:15:00Z" },
    ],
    ["a running one is not a build yet", { ...run, status: "in_progress", conclusion: null }, null],
  ])("%s", (_name, input, expected) => {
    const { events } = mapWorkflowRun(repo, input);
    if (expected === null) expect(events).toEqual([]);
    else expect(events[0]).toMatchObject(expected);
  });
});
