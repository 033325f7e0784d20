// What the "Runs by commit" list shows for one test (tRPC flaky.history): one row per sha, one chip
// per build attempt, one mark per execution in it. Every mark has a symbol and words besides its
// colour, so the strip reads the same for colour-blind and screen reader users. Pure: no React.
import type { AppRouter } from "@keel/server/src/trpc/router.ts";
import type { inferOutput, TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { formatDateIn } from "@keel/shared/calendar";
import { countOf } from "@keel/shared/numbers";

export type FlakyHistoryData = inferOutput<TRPCOptionsProxy<AppRouter>["flaky"]["history"]>;
type Sha = FlakyHistoryData["shas"][number];
type Attempt = Sha["attempts"][number];
type Outcome = Attempt["outcomes"][number];

export type MarkKind = "pass" | "fail" | "error" | "skip";

export interface RunMark {
  kind: MarkKind;
  /** Drawn inside the mark, so it does not rely on colour. */
  symbol: string;
  label: string;
}

export const MARKS: Record<Outcome, RunMark> = {
  passed: { kind: "pass", symbol: "✓", label: "passed" },
  failed: { kind: "fail", symbol: "✕", label: "failed" },
  error: { kind: "error", symbol: "!", label: "error" },
  skipped: { kind: "skip", symbol: "–", label: "skipped" },
};

export interface AttemptChip {
  key: string;
  /** "#2", or "nightly #1" when the sha ran in more than one pipeline. */
  title: string;
  marks: RunMark[];
  /** A short visible word for what matters most about the attempt, if anything. */
  note: "blocked" | "outage" | null;
  /** The whole attempt in words: the chip's accessible name and tooltip. */
  label: string;
}

export type CommitBadge = "flaky" | "outage" | "broken";

export const BADGE_TEXT: Record<CommitBadge, string> = {
  flaky: "Flaky on this commit",
  outage: "Outage",
  broken: "Failed every attempt",
};

export interface CommitRow {
  sha: string;
  shortSha: string;
  branch: string | null;
  date: string;
  badges: CommitBadge[];
  attempts: AttemptChip[];
  /** How many times the test ran on the sha: "3 runs in 2 attempts". */
  summary: string;
}

const SHORT_SHA = 7;

/** "failed, then passed on a retry in the same run" for ["failed", "passed"]. */
function outcomesText(outcomes: Outcome[]): string {
  const words = outcomes.map((o) => MARKS[o].label);
  if (words.length <= 1) return words[0] ?? "did not run";
  return `${words.slice(0, -1).join(", then ")}, then ${words.at(-1)} on a retry in the same run`;
}

function attemptLabel(a: Attempt, title: string, timeZone: string): string {
  const facts = [outcomesText(a.outcomes)];
  if (a.blocking) facts.push("a flaky failure that made the build fail");
  else if (a.flakyFailures > 0 && !a.passedOnRetry) facts.push(countOf(a.flakyFailures, "flaky failure"));
  if (a.outage) facts.push("an infrastructure outage, left out of flakiness");
  else if (a.buildFailed && !a.blocking) facts.push("the build failed");
  return `Attempt ${title} on ${formatDateIn(a.finishedAt, timeZone)}: ${facts.join("; ")}`;
}

export function commitRows(history: Pick<FlakyHistoryData, "shas">, timeZone: string): CommitRow[] {
  return history.shas.map((s) => {
    const pipelines = new Set(s.attempts.map((a) => a.pipeline));
    const attempts = s.attempts.map((a): AttemptChip => {
      const title = pipelines.size > 1 ? `${a.pipeline} #${a.attempt}` : `#${a.attempt}`;
      return {
        key: a.buildId,
        title,
        marks: a.outcomes.map((o) => MARKS[o]),
        note: a.outage ? "outage" : a.blocking ? "blocked" : null,
        label: attemptLabel(a, title, timeZone),
      };
    });
    const badges: CommitBadge[] = [];
    if (s.flaky) badges.push("flaky");
    if (s.broken) badges.push("broken");
    if (s.outageAttempts > 0) badges.push("outage");
    const runs = s.attempts.reduce((n, a) => n + a.outcomes.length, 0);
    return {
      sha: s.commitSha,
      shortSha: s.commitSha.slice(0, SHORT_SHA),
      branch: s.branch,
      date: formatDateIn(s.lastFinishedAt, timeZone),
      badges,
      attempts,
      summary: `${countOf(runs, "run")} in ${countOf(s.attempts.length, "attempt")}`,
    };
  });
}

/** The sentence above the list: how many commits, and whether some were left off. */
export function historyCaption(history: Pick<FlakyHistoryData, "shas" | "totalShas">): string {
  const flaky = history.shas.filter((s) => s.flaky).length;
  const shown =
    history.shas.length < history.totalShas
      ? `The ${history.shas.length} most recent of ${countOf(history.totalShas, "commit")}`
      : countOf(history.totalShas, "commit");
  return `${shown} that ran this test in these weeks, newest first; ${flaky} of them flaky.`;
}
