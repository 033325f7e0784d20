import { describe, expect, test } from "vitest";
import { commitRows, historyCaption, type FlakyHistoryData } from "./runsByCommit.ts";

type Sha = FlakyHistoryData["shas"][number];
type Attempt = Sha["attempts"][number];

function attempt(over: Partial<Attempt>): Attempt {
  return {
    buildId: "b1",
    pipeline: "ci",
    attempt: 1,
    branch: "main",
    buildStatus: "success",
    buildFailed: false,
    startedAt: "2026-10-05T10:00:00.000Z",
    finishedAt: "2026-10-05T10:10:00.000Z",
    outcomes: ["passed"],
    flakyFailures: 0,
    blocking: false,
    passedOnRetry: false,
    outage: false,
    ...over,
  };
}

function sha(attempts: Attempt[], over: Partial<Sha> = {}): Sha {
  return {
    commitSha: "9f1c2ab0d4e5",
    branch: "main",
    lastFinishedAt: "2026-10-05T10:27:00.000Z",
    flaky: false,
    broken: false,
    outageAttempts: 0,
    attempts,
    ...over,
  };
}

describe("commitRows", () => {
  test.each([
    {
      what: "failed and blocked attempt 1, passed attempt 2: flaky on the commit",
      sha: sha(
        [
          attempt({ buildId: "a1", outcomes: ["failed"], flakyFailures: 1, blocking: true, buildFailed: true, buildStatus: "failure" }),
          attempt({ buildId: "a2", attempt: 2, finishedAt: "2026-10-05T10:27:00.000Z" }),
        ],
        { flaky: true },
      ),
      badges: ["flaky"],
      chips: [
        { title: "#1", marks: ["fail"], note: "blocked", label: "Attempt #1 on 5 Oct 2026: failed; a flaky failure that made the build fail" },
        { title: "#2", marks: ["pass"], note: null, label: "Attempt #2 on 5 Oct 2026: passed" },
      ],
      summary: "2 runs in 2 attempts",
    },
    {
      what: "failed then passed inside one run: flaky, not blocking",
      sha: sha([attempt({ outcomes: ["failed", "passed"], flakyFailures: 1, passedOnRetry: true })], { flaky: true }),
      badges: ["flaky"],
      chips: [{ title: "#1", marks: ["fail", "pass"], note: null, label: "Attempt #1 on 5 Oct 2026: failed, then passed on a retry in the same run" }],
      summary: "2 runs in 1 attempt",
    },
    {
      what: "an outage, then a clean rerun: outage, not flaky",
      sha: sha(
        [attempt({ buildId: "o1", outcomes: ["error"], outage: true, buildFailed: true, buildStatus: "failure" }), attempt({ buildId: "o2", attempt: 2 })],
        { outageAttempts: 1 },
      ),
      badges: ["outage"],
      chips: [
        { title: "#1", marks: ["error"], note: "outage", label: "Attempt #1 on 5 Oct 2026: error; an infrastructure outage, left out of flakiness" },
        { title: "#2", marks: ["pass"], note: null, label: "Attempt #2 on 5 Oct 2026: passed" },
      ],
      summary: "2 runs in 2 attempts",
    },
    {
      what: "failed in two pipelines: broken; the pipeline names the chips",
      sha: sha(
        [
          attempt({ buildId: "c1", outcomes: ["failed"], buildFailed: true, buildStatus: "failure" }),
          attempt({ buildId: "n1", pipeline: "nightly", outcomes: ["failed"], buildFailed: true, buildStatus: "failure" }),
        ],
        { broken: true },
      ),
      badges: ["broken"],
      chips: [
        { title: "ci #1", marks: ["fail"], note: null, label: "Attempt ci #1 on 5 Oct 2026: failed; the build failed" },
        { title: "nightly #1", marks: ["fail"], note: null, label: "Attempt nightly #1 on 5 Oct 2026: failed; the build failed" },
      ],
      summary: "2 runs in 2 attempts",
    },
    {
      what: "skipped",
      sha: sha([attempt({ outcomes: ["skipped"] })]),
      badges: [],
      chips: [{ title: "#1", marks: ["skip"], note: null, label: "Attempt #1 on 5 Oct 2026: skipped" }],
      summary: "1 run in 1 attempt",
    },
  ])("$what", ({ sha: s, badges, chips, summary }) => {
    const [row] = commitRows({ shas: [s] }, "UTC");
    expect(row).toMatchObject({ sha: "9f1c2ab0d4e5", shortSha: "9f1c2ab", branch: "main", date: "5 Oct 2026", badges, summary });
    expect(row?.attempts.map((a) => ({ title: a.title, marks: a.marks.map((m) => m.kind), note: a.note, label: a.label }))).toEqual(chips);
  });

  test("dates are the organisation's: 23:30 UTC on 5 Oct is 6 Oct in Berlin", () => {
    const [row] = commitRows({ shas: [sha([attempt({})], { lastFinishedAt: "2026-10-05T23:30:00.000Z" })] }, "Europe/Berlin");
    expect(row?.date).toBe("6 Oct 2026");
  });
});

describe("historyCaption", () => {
  test.each([
    { shas: [sha([], { flaky: true }), sha([])], totalShas: 2, caption: "2 commits that ran this test in these weeks, newest first; 1 of them flaky." },
    { shas: [sha([])], totalShas: 1, caption: "1 commit that ran this test in these weeks, newest first; 0 of them flaky." },
    {
      shas: Array.from({ length: 30 }, () => sha([], { flaky: true })),
      totalShas: 42,
      caption: "The 30 most recent of 42 commits that ran this test in these weeks, newest first; 30 of them flaky.",
    },
  ])("$caption", ({ shas, totalShas, caption }) => {
    expect(historyCaption({ shas, totalShas })).toBe(caption);
  });
});
