import { describe, expect, test } from "vitest";
import { checkingEvents, webhookFixtures } from "../testSupport/webhookMapping.ts";
import { mapGithub } from "./map.ts";

// Real payloads from GitHub's documented examples (test/fixtures/webhooks/SOURCES.md).
const load = webhookFixtures("github");
const map = checkingEvents(mapGithub);

interface DeploymentStatusFixture {
  deployment_status: { state: string };
  deployment: { payload: unknown };
}
interface WorkflowRunFixture {
  action: string;
  workflow_run: { conclusion: string | null; run_attempt: number; run_started_at: string };
}
interface PullRequestFixture {
  pull_request: { merged: boolean; merged_at: string | null; labels: { name: string }[] };
}
interface IssuesFixture {
  action: string;
  issue: { state: string; closed_at: string | null; labels: { name: string }[] };
}

describe("deployment_status", () => {
  test("a success status is a finished deployment, keyed by the deployment (not the status)", () => {
    expect(map("deployment_status", load("deployment_status.json"))).toEqual({
      events: [
        {
          type: "deployment",
          id: "github:145988746",
          service: "Hello-World",
          environment: "production",
          status: "success",
          startedAt: "2019-05-15T15:20:53Z",
          finishedAt: "2019-05-15T15:20:55Z",
          commitSha: "f95f852bd8fca8fcc58a9a2d6c842781e32a215e",
          repository: "Codertocat/Hello-World",
        },
      ],
      dropped: [],
      occurredAt: "2019-05-15T15:20:55Z",
    });
  });

  test.each([
    ["failure", "failure"],
    ["error", "failure"],
  ])("state %s is a failed deployment", (state, status) => {
    const payload = load<DeploymentStatusFixture>("deployment_status.json");
    payload.deployment_status.state = state;
    expect(map("deployment_status", payload).events).toEqual([expect.objectContaining({ id: "github:145988746", status })]);
  });

  test.each(["inactive", "pending", "queued", "in_progress"])("state %s is not a finished deployment: dropped", (state) => {
    const payload = load<DeploymentStatusFixture>("deployment_status.json");
    payload.deployment_status.state = state;
    expect(map("deployment_status", payload)).toEqual({
      events: [],
      dropped: [`deployment 145988746: state "${state}" is not a finished deployment`],
    });
  });

  test("an unknown state is dropped, not guessed", () => {
    const payload = load<DeploymentStatusFixture>("deployment_status.json");
    payload.deployment_status.state = "exploded";
    expect(map("deployment_status", payload)).toEqual({ events: [], dropped: ['deployment 145988746: unknown state "exploded"'] });
  });

  test("the deployment's payload may name the service", () => {
    const payload = load<DeploymentStatusFixture>("deployment_status.json");
    payload.deployment.payload = { service: "billing" };
    expect(map("deployment_status", payload).events).toEqual([expect.objectContaining({ service: "billing", repository: "Codertocat/Hello-World" })]);
  });
});

describe("workflow_run", () => {
  test("a completed run is a build; an empty run name falls back to the workflow's name", () => {
    expect(map("workflow_run", load("workflow_run.json"))).toEqual({
      events: [
        {
          type: "build",
          id: "github:289782451:1",
          pipeline: "test",
          service: "octo-repo",
          repository: "octo-org/octo-repo",
          commitSha: "3484a3fb816e0859fd6e1cea078d76385ff50625",
          branch: "master",
          trigger: "repository_dispatch",
          attempt: 1,
          status: "success",
          startedAt: "2020-10-05T16:33:49Z",
          finishedAt: "2020-10-05T16:33:49Z",
          url: "https://github.com/octo-org/octo-repo/actions/runs/289782451",
        },
      ],
      dropped: [],
      occurredAt: "2020-10-05T16:33:49Z",
    });
  });

  test("a re-run attempt is its own build", () => {
    const payload = load<WorkflowRunFixture>("workflow_run.json");
    payload.workflow_run.run_attempt = 2;
    payload.workflow_run.run_started_at = "2020-10-05T17:00:00Z";
    expect(map("workflow_run", payload).events).toEqual([expect.objectContaining({ id: "github:289782451:2", attempt: 2, startedAt: "2020-10-05T17:00:00Z" })]);
  });

  test.each([
    ["failure", "failure"],
    ["timed_out", "failure"],
    ["cancelled", "cancelled"],
    ["skipped", "cancelled"],
  ])("conclusion %s is status %s", (conclusion, status) => {
    const payload = load<WorkflowRunFixture>("workflow_run.json");
    payload.workflow_run.conclusion = conclusion;
    expect(map("workflow_run", payload).events).toEqual([expect.objectContaining({ status })]);
  });

  test.each([
    ["neutral", 'workflow run 289782451: conclusion "neutral" is not mapped'],
    [null, "workflow run 289782451: conclusion null is not mapped"],
  ])("conclusion %s is dropped", (conclusion, reason) => {
    const payload = load<WorkflowRunFixture>("workflow_run.json");
    payload.workflow_run.conclusion = conclusion;
    expect(map("workflow_run", payload)).toEqual({ events: [], dropped: [reason] });
  });

  test.each(["requested", "in_progress"])("action %s is not a finished run: dropped", (action) => {
    const payload = load<WorkflowRunFixture>("workflow_run.json");
    payload.action = action;
    expect(map("workflow_run", payload)).toEqual({ events: [], dropped: [`workflow run 289782451: action "${action}" is not a finished run`] });
  });
});

describe("push", () => {
  test("each pushed commit is a change", () => {
    expect(map("push", load("push.json"))).toEqual({
      events: [
        {
          type: "change",
          sha: "6113728f27ae82c7b1a177c8d03f9e96e0adf246",
          repository: "Codertocat/Hello-World",
          service: "Hello-World",
          committedAt: "2019-05-15T15:19:25Z",
          title: "Initial commit",
        },
      ],
      dropped: [],
    });
  });
});

describe("push of a revert", () => {
  test("a commit git revert wrote names the commit it reverts", () => {
    const payload = load<{ commits: { message: string }[] }>("push.json");
    const reverted = "6113728F27AE82C7B1A177C8D03F9E96E0ADF246";
    payload.commits[0]!.message = `Revert "Initial commit"\n\nThis reverts commit ${reverted}.`;
    expect(map("push", payload).events[0]).toMatchObject({ title: 'Revert "Initial commit"', revertsSha: reverted.toLowerCase() });
  });

  test.each([["Initial commit"], ["This reverts commit 6113728."], ["Mentions: This reverts commit " + "a".repeat(40)]])("no revert in %j", (message) => {
    const payload = load<{ commits: { message: string }[] }>("push.json");
    payload.commits[0]!.message = message;
    expect(map("push", payload).events[0]).not.toHaveProperty("revertsSha");
  });
});

describe("pull_request", () => {
  test("closed without merging (the documented example) is no change", () => {
    expect(map("pull_request", load("pull_request.json"))).toEqual({ events: [], dropped: ["pull request #2: closed without merging"] });
  });

  test("closed and merged is a change for the merge commit, with the PR's data and labels", () => {
    const payload = load<PullRequestFixture>("pull_request.json");
    payload.pull_request.merged = true;
    payload.pull_request.merged_at = "2019-05-15T15:21:18Z";
    payload.pull_request.labels.push({ name: "tech-debt" });
    expect(map("pull_request", payload)).toEqual({
      events: [
        {
          type: "change",
          sha: "c4295bd74fb0f4fda03689c3df3f2803b658fd85",
          repository: "Codertocat/Hello-World",
          service: "Hello-World",
          committedAt: "2019-05-15T15:21:18Z",
          prNumber: 2,
          prOpenedAt: "2019-05-15T15:20:33Z",
          prMergedAt: "2019-05-15T15:21:18Z",
          labels: ["bug", "tech-debt"],
          title: "Update the README with new information.",
        },
      ],
      dropped: [],
    });
  });

  test("other actions are not changes", () => {
    expect(map("pull_request", { ...load<object>("pull_request.json"), action: "opened" }).dropped).toEqual([
      'pull request #2: action "opened" (only merged pull requests are changes)',
    ]);
  });
});

describe("issues", () => {
  test("an issue without an incident label (the documented example) is no incident", () => {
    expect(map("issues", load("issues.json"))).toEqual({ events: [], dropped: ['issue Codertocat/Hello-World#1: no "incident" label'] });
  });

  test("an issue labelled incident is an incident, with the severity its label names", () => {
    const payload = load<IssuesFixture>("issues.json");
    payload.issue.labels = [{ name: "Incident" }, { name: "sev2" }];
    expect(map("issues", payload)).toEqual({
      events: [
        {
          type: "incident",
          id: "github-issue:Codertocat/Hello-World#1",
          service: "Hello-World",
          severity: "sev2",
          title: "Spelling error in the README file",
          openedAt: "2019-05-15T15:20:18Z",
          url: "https://github.com/Codertocat/Hello-World/issues/1",
        },
      ],
      dropped: [],
      occurredAt: "2019-05-15T15:20:18Z",
    });
  });

  test("closing it resolves the incident", () => {
    const payload = load<IssuesFixture>("issues.json");
    payload.action = "closed";
    payload.issue.state = "closed";
    payload.issue.closed_at = "2019-05-15T17:02:00Z";
    payload.issue.labels = [{ name: "incident" }, { name: "severity:high" }];
    expect(map("issues", payload).events).toEqual([
      expect.objectContaining({ id: "github-issue:Codertocat/Hello-World#1", severity: "high", resolvedAt: "2019-05-15T17:02:00Z" }),
    ]);
  });

  test("two different severity labels leave severity unset, and say so", () => {
    const payload = load<IssuesFixture>("issues.json");
    payload.issue.labels = [{ name: "incident" }, { name: "SEV-1" }, { name: "severity/low" }];
    const result = map("issues", payload);
    expect(result.events[0]).not.toHaveProperty("severity", expect.anything());
    expect(result.dropped).toEqual(["several severity labels (sev1, low): severity left unset"]);
  });

  test("actions that do not change an incident are not mapped", () => {
    const payload = load<IssuesFixture>("issues.json");
    payload.action = "assigned";
    payload.issue.labels = [{ name: "incident" }];
    expect(map("issues", payload)).toEqual({ events: [], dropped: ['issue Codertocat/Hello-World#1: action "assigned" is not mapped'] });
  });
});

describe("anything else", () => {
  test("a kind Keel does not map is dropped", () => {
    expect(map("ping", { zen: "Design for failure." })).toEqual({ events: [], dropped: ["ping: not an event kind Keel maps"] });
  });

  test("a payload without the documented shape is dropped, naming the field", () => {
    expect(map("push", { ref: "refs/heads/main", commits: "many" })).toEqual({
      events: [],
      dropped: ["push: payload not understood (commits: Invalid input: expected array, received string)"],
    });
  });
});
