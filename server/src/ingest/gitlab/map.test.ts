import { describe, expect, test } from "vitest";
import { checkingEvents, webhookFixtures } from "../testSupport/webhookMapping.ts";
import { gitlabTime } from "./gitlabTime.ts";
import { mapGitlab } from "./map.ts";

// Real payloads from GitLab's "Webhook events" documentation (test/fixtures/webhooks/SOURCES.md).
const load = webhookFixtures("gitlab");
const map = checkingEvents(mapGitlab);

interface DeploymentFixture {
  status: string;
  status_changed_at: string;
}
interface PipelineFixture {
  object_attributes: { status: string; name?: string | null; tag: boolean; finished_at: string | null };
  builds: { started_at: string | null }[];
}
interface MergeRequestFixture {
  object_attributes: { action: string; state: string; updated_at: string; merge_commit_sha?: string | null };
}
interface IssueFixture {
  object_attributes: { type: string; state: string; severity: string; closed_at?: string | null };
  labels: { title: string }[];
}

describe("gitlabTime", () => {
  test.each([
    ["2013-12-03T17:15:43Z", "2013-12-03T17:15:43Z"],
    ["2012-01-03T23:36:29+02:00", "2012-01-03T23:36:29+02:00"],
    ["2016-08-12 15:23:28 UTC", "2016-08-12T15:23:28Z"],
    ["2021-04-28 21:50:00 +0200", "2021-04-28T21:50:00+02:00"],
    ["2021-04-28 21:50:00 -05:30", "2021-04-28T21:50:00-05:30"],
    ["2015-04-08T21: 00:25-07:00", undefined],
    ["yesterday", undefined],
    [null, undefined],
  ])("%s → %s", (input, expected) => {
    expect(gitlabTime(input)).toBe(expected);
  });
});

describe("Deployment Hook", () => {
  test("a successful deployment, with the full sha from commit_url", () => {
    expect(map("Deployment Hook", load("deployment.json"))).toEqual({
      events: [
        {
          type: "deployment",
          id: "gitlab:15",
          service: "test-deployment-webhooks",
          environment: "staging",
          status: "success",
          finishedAt: "2021-04-28T21:50:00+02:00",
          commitSha: "279484c09fbe69ededfced8c1bb6e6d24616b468",
          repository: "root/test-deployment-webhooks",
          url: "http://10.126.0.2:3000/root/test-deployment-webhooks/-/jobs/796",
        },
      ],
      dropped: [],
      occurredAt: "2021-04-28T21:50:00+02:00",
    });
  });

  test.each([
    ["failed", "failure"],
    ["canceled", "cancelled"],
  ])("status %s is %s", (status, expected) => {
    const payload = load<DeploymentFixture>("deployment.json");
    payload.status = status;
    expect(map("Deployment Hook", payload).events).toEqual([expect.objectContaining({ id: "gitlab:15", status: expected })]);
  });

  test.each(["created", "running", "blocked"])("status %s is not finished: dropped", (status) => {
    const payload = load<DeploymentFixture>("deployment.json");
    payload.status = status;
    expect(map("Deployment Hook", payload)).toEqual({ events: [], dropped: [`deployment 15: status "${status}" is not a finished deployment`] });
  });

  test("an unreadable time is dropped, not guessed", () => {
    const payload = load<DeploymentFixture>("deployment.json");
    payload.status_changed_at = "28/04/2021 21:50";
    expect(map("Deployment Hook", payload)).toEqual({ events: [], dropped: ['deployment 15: unreadable status_changed_at "28/04/2021 21:50"'] });
  });
});

describe("Pipeline Hook", () => {
  test("a finished pipeline is one build; it started when its first job did", () => {
    expect(map("Pipeline Hook", load("pipeline.json"))).toEqual({
      events: [
        {
          type: "build",
          id: "gitlab:31",
          pipeline: "Pipeline for branch: master",
          service: "gitlab-test",
          repository: "gitlab-org/gitlab-test",
          commitSha: "bcbb5ec396a2c0f828686f14fac9b80b780504f2",
          branch: "master",
          trigger: "merge_request_event",
          attempt: 1,
          status: "success",
          queuedAt: "2016-08-12T15:23:28Z",
          startedAt: "2016-08-12T15:24:56Z",
          finishedAt: "2016-08-12T15:26:29Z",
          url: "http://example.com/gitlab-org/gitlab-test/-/pipelines/31",
        },
      ],
      dropped: [],
      occurredAt: "2016-08-12T15:26:29Z",
    });
  });

  test("without a pipeline name or job start times: the CI file names it, it started when created", () => {
    const payload = load<PipelineFixture>("pipeline.json");
    payload.object_attributes.name = null;
    payload.builds = [];
    expect(map("Pipeline Hook", payload).events).toEqual([
      expect.objectContaining({ pipeline: ".gitlab-ci.yml", queuedAt: "2016-08-12T15:23:28Z", startedAt: "2016-08-12T15:23:28Z" }),
    ]);
  });

  test("a tag pipeline has no branch", () => {
    const payload = load<PipelineFixture>("pipeline.json");
    payload.object_attributes.tag = true;
    expect(map("Pipeline Hook", payload).events[0]).not.toHaveProperty("branch", expect.anything());
  });

  test.each([
    ["failed", "failure"],
    ["canceled", "cancelled"],
    ["skipped", "cancelled"],
  ])("status %s is %s", (status, expected) => {
    const payload = load<PipelineFixture>("pipeline.json");
    payload.object_attributes.status = status;
    expect(map("Pipeline Hook", payload).events).toEqual([expect.objectContaining({ status: expected })]);
  });

  test.each(["pending", "running", "manual"])("status %s is not finished: dropped", (status) => {
    const payload = load<PipelineFixture>("pipeline.json");
    payload.object_attributes.status = status;
    expect(map("Pipeline Hook", payload)).toEqual({ events: [], dropped: [`pipeline 31: status "${status}" is not a finished pipeline`] });
  });
});

describe("Push Hook", () => {
  test("each listed commit is a change; commits GitLab left out are counted", () => {
    expect(map("Push Hook", load("push.json"))).toEqual({
      events: [
        {
          type: "change",
          sha: "b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327",
          repository: "mike/diaspora",
          service: "diaspora",
          committedAt: "2011-12-12T14:27:31+02:00",
          title: "Update Catalan translation to e38cb41.",
        },
        {
          type: "change",
          sha: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7",
          repository: "mike/diaspora",
          service: "diaspora",
          committedAt: "2012-01-03T23:36:29+02:00",
          title: "fixed readme",
        },
      ],
      dropped: ["push: 2 of 4 commits are not in the payload"],
    });
  });
});

describe("Push Hook of a revert", () => {
  test("a merge commit's revert names the commit it reverts", () => {
    const payload = load<{ commits: { message: string; title?: string }[] }>("push.json");
    const reverted = "b6568db1bc1dcd7f8b4d5a946b0b91f9dacd7327";
    payload.commits[1]!.message = `Revert "fixed readme"\n\nThis reverts commit ${reverted}, reversing\nchanges made to 0000000000000000000000000000000000000000.\n`;
    const [first, second] = map("Push Hook", payload).events;
    expect(first).not.toHaveProperty("revertsSha");
    expect(second).toMatchObject({ sha: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7", revertsSha: reverted });
  });
});

describe("Merge Request Hook", () => {
  test("opening a merge request (the documented example) is no change", () => {
    expect(map("Merge Request Hook", load("merge_request.json"))).toEqual({
      events: [],
      dropped: ['merge request !1: action "open" (only merges are changes)'],
    });
  });

  const merged = (mergeCommitSha: string | null) => {
    const payload = load<MergeRequestFixture>("merge_request.json");
    payload.object_attributes.action = "merge";
    payload.object_attributes.state = "merged";
    payload.object_attributes.updated_at = "2013-12-04T09:12:00Z";
    payload.object_attributes.merge_commit_sha = mergeCommitSha;
    return payload;
  };

  test("a merge is a change for the merge commit, with the merge request's data and labels", () => {
    expect(map("Merge Request Hook", merged("3b7e5a1c9d2f4e6a8b0c1d3e5f7a9b2c4d6e8f01"))).toEqual({
      events: [
        {
          type: "change",
          sha: "3b7e5a1c9d2f4e6a8b0c1d3e5f7a9b2c4d6e8f01",
          repository: "gitlabhq/gitlab-test",
          service: "gitlab-test",
          committedAt: "2013-12-04T09:12:00Z",
          prNumber: 1,
          prOpenedAt: "2013-12-03T17:23:34Z",
          prMergedAt: "2013-12-04T09:12:00Z",
          labels: ["API"],
          title: "MS-Viewport",
        },
      ],
      dropped: [],
    });
  });

  test("a fast-forward merge (no merge commit) is the head commit", () => {
    expect(map("Merge Request Hook", merged(null)).events).toEqual([expect.objectContaining({ sha: "da1560886d4f094c3e6c9ef40349f7d38b5d27d7" })]);
  });
});

describe("Issue Hook", () => {
  test("a plain issue (the documented example) is no incident", () => {
    expect(map("Issue Hook", load("issue.json"))).toEqual({
      events: [],
      dropped: ['issue gitlabhq/gitlab-test#23: not an incident (type "Issue", no "incident" label)'],
    });
  });

  test("an issue of type Incident is an incident, with GitLab's own severity", () => {
    const payload = load<IssueFixture>("issue.json");
    payload.object_attributes.type = "Incident";
    expect(map("Issue Hook", payload)).toEqual({
      events: [
        {
          type: "incident",
          id: "gitlab-issue:gitlabhq/gitlab-test#23",
          service: "gitlab-test",
          severity: "high",
          title: "New API: create/update/delete file",
          openedAt: "2013-12-03T17:15:43Z",
          url: "http://example.com/diaspora/issues/23",
        },
      ],
      dropped: [],
      occurredAt: "2013-12-03T17:15:43Z",
    });
  });

  test("closing it resolves the incident", () => {
    const payload = load<IssueFixture>("issue.json");
    payload.object_attributes.type = "Incident";
    payload.object_attributes.state = "closed";
    payload.object_attributes.closed_at = "2013-12-03 18:40:00 UTC";
    expect(map("Confidential Issue Hook", payload).events).toEqual([expect.objectContaining({ resolvedAt: "2013-12-03T18:40:00Z" })]);
  });

  test("an issue labelled incident counts too; with severity unknown, a severity label is used", () => {
    const payload = load<IssueFixture>("issue.json");
    payload.object_attributes.severity = "unknown";
    payload.labels = [{ title: "incident" }, { title: "sev1" }];
    expect(map("Issue Hook", payload).events).toEqual([expect.objectContaining({ id: "gitlab-issue:gitlabhq/gitlab-test#23", severity: "sev1" })]);
  });
});

test("a kind Keel does not map is dropped", () => {
  expect(map("Tag Push Hook", {})).toEqual({ events: [], dropped: ["Tag Push Hook: not an event kind Keel maps"] });
});
