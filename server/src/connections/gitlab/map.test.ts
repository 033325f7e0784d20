import { describe, expect, test } from "vitest";
import {
  mapDeployment,
  mapIssue,
  mapPipeline,
  mergeRequestOfCommit,
  type GitlabDeployment,
  type GitlabIssue,
  type GitlabPipeline,
  type ShippedCommit,
} from "./map.ts";

const project = { id: 42, path_with_namespace: "acme/checkout", web_url: "https://gitlab.example.com/acme/checkout", ci_config_path: null };
const sha = "a91957a858320c0e17f3a0eca7cfacbff50ea29a";
const deployment: GitlabDeployment = {
  id: 41,
  sha,
  status: "success",
  created_at: "2016-08-11T07:36:40.222Z",
  updated_at: "2016-08-11T07:38:12.414Z",
  environment: { name: "production" },
  deployable: { started_at: "2016-08-11T07:36:41.000Z", finished_at: "2016-08-11T07:38:12.000Z", web_url: "https://gitlab.example.com/acme/checkout/-/jobs/1" },
};
const commit = (id: string, date: string, mergeRequest?: ShippedCommit["mergeRequest"]): ShippedCommit => ({
  id,
  message: `feat: ${id}\n\nbody`,
  authored_date: date,
  committed_date: date,
  mergeRequest,
});

describe("mapDeployment", () => {
  test("a successful deployment carries the commits it shipped, and a change per merged request", () => {
    const shipped = [
      commit("c1", "2016-08-11T07:00:00.000Z", { iid: 7, created_at: "2016-08-10T10:00:00.000Z", merged_at: "2016-08-11T07:10:00.000Z", labels: ["bug"] }),
      commit("c2", "2016-08-11T07:20:00.000Z", { iid: 8, created_at: "2016-08-10T11:00:00.000Z", merged_at: null, labels: [] }),
    ];
    const { events } = mapDeployment(project, deployment, shipped);
    expect(events).toEqual([
      {
        type: "deployment",
        id: "gitlab:41",
        service: "checkout",
        environment: "production",
        status: "success",
        startedAt: "2016-08-11T07:36:41.000Z",
        finishedAt: "2016-08-11T07:38:12.000Z",
        commitSha: sha,
        repository: "acme/checkout",
        url: "https://gitlab.example.com/acme/checkout/-/jobs/1",
        commits: [
          {
            sha: "c1",
            committedAt: "2016-08-11T07:00:00.000Z",
            authoredAt: "2016-08-11T07:00:00.000Z",
            message: "feat: c1\n\nbody",
            prNumber: 7,
            prMergedAt: "2016-08-11T07:10:00.000Z",
            labels: ["bug"],
          },
          {
            sha: "c2",
            committedAt: "2016-08-11T07:20:00.000Z",
            authoredAt: "2016-08-11T07:20:00.000Z",
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
        committedAt: "2016-08-11T07:00:00.000Z",
        authoredAt: "2016-08-11T07:00:00.000Z",
        prNumber: 7,
        prOpenedAt: "2016-08-10T10:00:00.000Z",
        prMergedAt: "2016-08-11T07:10:00.000Z",
        labels: ["bug"],
        title: "feat: c1",
      },
    ]);
  });

  test.each([
    ["failed: a failure, shipping nothing", { status: "failed" }, { status: "failure", id: "gitlab:41" }],
    ["canceled: cancelled, as the hook maps it", { status: "canceled" }, { status: "cancelled" }],
    [
      "no job (failed): finished at updated_at, started at created_at",
      { deployable: null, status: "failed" },
      { finishedAt: "2016-08-11T07:38:12.414Z", startedAt: "2016-08-11T07:36:40.222Z" },
    ],
    ["running: not a deployment yet", { status: "running" }, null],
    ["created: not a deployment yet", { status: "created" }, null],
    ["blocked (waiting for approval): not yet", { status: "blocked" }, null],
  ])("%s", (_name, edit, expected) => {
    const { events } = mapDeployment(project, { ...deployment, ...edit }, [commit("c1", "2016-08-11T07:00:00.000Z")]);
    if (expected === null) expect(events).toEqual([]);
    else {
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject(expected);
      expect(events[0]).not.toHaveProperty("commits");
    }
  });
});

describe("mergeRequestOfCommit", () => {
  const mr = (iid: number, merge: string | null, squash: string | null, merged: string | null) => ({
    iid,
    created_at: "2026-11-01T00:00:00Z",
    merged_at: merged,
    merge_commit_sha: merge,
    squash_commit_sha: squash,
  });
  test.each([
    ["the request the commit merged", [mr(1, "x", null, "2026-11-01T01:00:00Z"), mr(2, "abc", null, "2026-11-01T02:00:00Z")], 2],
    ["the request the commit squashed", [mr(1, null, null, "2026-11-01T01:00:00Z"), mr(3, null, "abc", "2026-11-01T02:00:00Z")], 3],
    ["else a merged one (fast-forward)", [mr(1, null, null, null), mr(4, "zzz", null, "2026-11-01T02:00:00Z")], 4],
    ["else the first", [mr(5, null, null, null)], 5],
    ["none", [], undefined],
  ])("%s", (_name, requests, expected) => {
    expect(mergeRequestOfCommit("abc", requests)?.iid).toBe(expected);
  });
});

describe("mapIssue", () => {
  const issue: GitlabIssue = {
    iid: 7,
    title: "Checkout down",
    state: "closed",
    created_at: "2026-11-03T12:00:00.000Z",
    updated_at: "2026-11-03T14:00:00.000Z",
    closed_at: "2026-11-03T14:00:00.000Z",
    labels: ["sev2"],
    issue_type: "incident",
    type: "INCIDENT",
    severity: "CRITICAL",
    web_url: "https://gitlab.example.com/acme/checkout/-/issues/7",
  };
  test.each([
    [
      "a closed incident: resolved at closed_at, GitLab's severity over labels",
      issue,
      { id: "gitlab-issue:acme/checkout#7", service: "checkout", severity: "critical", resolvedAt: "2026-11-03T14:00:00.000Z", url: issue.web_url },
    ],
    ["severity UNKNOWN: the labels' severity", { ...issue, severity: "UNKNOWN" }, { severity: "sev2" }],
    ["an open incident is not resolved", { ...issue, state: "opened", closed_at: null }, { resolvedAt: undefined }],
    [
      "a plain issue labelled incident is one too",
      { ...issue, type: "ISSUE", issue_type: "issue", labels: ["incident"] },
      { id: "gitlab-issue:acme/checkout#7" },
    ],
    ["a plain issue is not an incident", { ...issue, type: "ISSUE", issue_type: "issue", labels: ["bug"] }, null],
  ])("%s", (_name, input, expected) => {
    const { events } = mapIssue(project, input);
    if (expected === null) expect(events).toEqual([]);
    else expect(events[0]).toMatchObject(expected);
  });
});

describe("mapPipeline", () => {
  const pipeline: GitlabPipeline = {
    id: 46,
    name: null,
    ref: "main",
    tag: false,
    sha,
    source: "push",
    status: "failed",
    created_at: "2016-08-11T11:28:34.085Z",
    updated_at: "2016-08-11T11:32:35.169Z",
    started_at: "2016-08-11T11:28:56.085Z",
    finished_at: "2016-08-11T11:32:35.145Z",
    web_url: "https://gitlab.example.com/acme/checkout/-/pipelines/46",
  };
  test.each([
    [
      "a finished pipeline is a build: queued at creation, started with its first job",
      pipeline,
      {
        id: "gitlab:46",
        pipeline: ".gitlab-ci.yml",
        status: "failure",
        queuedAt: "2016-08-11T11:28:34.085Z",
        startedAt: "2016-08-11T11:28:56.085Z",
        branch: "main",
      },
    ],
    ["a named pipeline keeps its name", { ...pipeline, name: "Nightly", status: "success" }, { pipeline: "Nightly", status: "success" }],
    [
      "never started (skipped): started when queued",
      { ...pipeline, status: "skipped", started_at: null },
      { status: "cancelled", startedAt: "2016-08-11T11:28:34.085Z" },
    ],
    ["a tag pipeline has no branch", { ...pipeline, tag: true, ref: "v1.0" }, { branch: undefined }],
    ["a running pipeline is not a build yet", { ...pipeline, status: "running", finished_at: null }, null],
  ])("%s", (_name, input, expected) => {
    const { events } = mapPipeline(project, input);
    if (expected === null) expect(events).toEqual([]);
    else expect(events[0]).toMatchObject(expected);
  });
});
