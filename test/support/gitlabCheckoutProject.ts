// The issue's "done when" project as recorded GitLab answers: four production deployments (one
// failed) and a staging one, five commits (three through merge requests), an incident issue and a
// plain issue, a finished pipeline and a running one. The same history as githubCheckoutRepo.ts, so
// both connectors must give the same figures.
import type { RecordedProject } from "./gitlabAnswers.ts";

/** A full 40-hex sha, as GitLab's API answers them. */
export const glSha = (n: number) => `c0ffee${String(n).padStart(2, "0")}`.padEnd(40, "0");

export function checkoutProject(): RecordedProject {
  const mr = (iid: number, merged: string, labels: string[]) => ({ iid, created_at: "2026-11-01T09:00:00.000Z", merged_at: merged, labels });
  return {
    id: 42,
    path_with_namespace: "acme/checkout",
    commits: [
      { sha: glSha(1), message: "feat: one-click pay", date: "2026-11-02T08:00:00.000Z", mergeRequest: mr(1, "2026-11-02T08:30:00.000Z", ["feature"]) },
      { sha: glSha(2), message: "fix: rounding", date: "2026-11-03T08:00:00.000Z", mergeRequest: mr(2, "2026-11-03T08:10:00.000Z", ["bug"]) },
      { sha: glSha(3), message: "chore: bump", date: "2026-11-03T09:00:00.000Z" },
      { sha: glSha(4), message: "feat: wallets", date: "2026-11-04T08:00:00.000Z", mergeRequest: mr(4, "2026-11-04T08:20:00.000Z", []) },
      { sha: glSha(5), message: "fix: wallets", date: "2026-11-04T10:00:00.000Z" },
    ],
    deployments: [
      { id: 101, sha: glSha(1), status: "success", created_at: "2026-11-02T09:00:00.000Z", finished_at: "2026-11-02T10:00:00.000Z" },
      { id: 102, sha: glSha(3), status: "success", created_at: "2026-11-03T10:00:00.000Z", finished_at: "2026-11-03T11:00:00.000Z" },
      { id: 103, sha: glSha(4), status: "failed", created_at: "2026-11-04T09:00:00.000Z", finished_at: "2026-11-04T09:30:00.000Z" },
      { id: 104, sha: glSha(5), status: "success", created_at: "2026-11-04T11:00:00.000Z", finished_at: "2026-11-04T12:00:00.000Z" },
      { id: 150, sha: glSha(5), environment: "staging", status: "success", created_at: "2026-11-04T10:30:00.000Z", finished_at: "2026-11-04T10:40:00.000Z" },
    ],
    issues: [
      {
        iid: 7,
        title: "Checkout down",
        type: "INCIDENT",
        severity: "HIGH",
        labels: [],
        created_at: "2026-11-03T12:00:00.000Z",
        updated_at: "2026-11-03T14:00:00.000Z",
        closed_at: "2026-11-03T14:00:00.000Z",
      },
      {
        iid: 8,
        title: "Typo",
        type: "ISSUE",
        severity: "UNKNOWN",
        labels: ["bug"],
        created_at: "2026-11-03T12:00:00.000Z",
        updated_at: "2026-11-03T12:00:00.000Z",
        closed_at: null,
      },
    ],
    pipelines: [
      {
        id: 9001,
        sha: glSha(5),
        status: "success",
        created_at: "2026-11-04T10:05:00.000Z",
        started_at: "2026-11-04T10:06:00.000Z",
        finished_at: "2026-11-04T10:15:00.000Z",
        updated_at: "2026-11-04T10:15:00.000Z",
        tests: [
          { name: "pays by card", classname: "spec/checkout/pay_spec.rb", status: "success", execution_time: 0.42 },
          { name: "rounds to the cent", classname: "spec/checkout/pay_spec.rb", status: "failed", execution_time: 0.05 },
          { name: "pays by wallet", classname: "spec/checkout/wallet_spec.rb", status: "skipped", execution_time: 0 },
        ],
      },
      {
        id: 9002,
        sha: glSha(5),
        status: "running",
        created_at: "2026-11-04T10:20:00.000Z",
        started_at: "2026-11-04T10:21:00.000Z",
        finished_at: null,
        updated_at: "2026-11-04T10:21:00.000Z",
      },
    ],
  };
}
