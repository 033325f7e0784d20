// The issue's "done when" repository as recorded GitHub answers: four production deployments (one
// failed) and a staging one, five commits, an incident issue and another issue, two workflow runs.
// Shared by the connection's sync tests and `keel backfill`'s.
import type { RecordedDeployment, RecordedRepo } from "./githubRecorded.ts";

export const sha = (n: number) => `c0ffee${String(n).padStart(2, "0")}`;

export function checkoutRepo(): RecordedRepo {
  const pull = (number: number, merged: string, labels: string[]) => ({ number, created_at: "2026-11-01T09:00:00Z", merged_at: merged, labels });
  /** Statuses newest first, as GitHub lists them: [state, created_at]. */
  const deployment = (id: number, commit: number, created: string, ...statuses: [string, string][]): RecordedDeployment => ({
    id,
    sha: sha(commit),
    created_at: created,
    statuses: statuses.map(([state, at]) => ({ state, created_at: at })),
  });
  return {
    owner: "acme",
    name: "checkout",
    commits: [
      { sha: sha(1), message: "feat: one-click pay", date: "2026-11-02T08:00:00Z", pull: pull(1, "2026-11-02T08:30:00Z", ["feature"]) },
      {
        sha: sha(2),
        message: "fix: rounding",
        date: "2026-11-03T08:00:00Z",
        // First review: octocat's at Nov 2 12:00 (the author's own and the bot's earlier ones do not count).
        pull: {
          ...pull(2, "2026-11-03T08:10:00Z", ["bug"]),
          reviews: [
            { user: "author", state: "COMMENTED", submitted_at: "2026-11-02T10:00:00Z" },
            { user: { id: 49699333, login: "dependabot[bot]", type: "Bot" }, state: "COMMENTED", submitted_at: "2026-11-02T11:00:00Z" },
            { user: { id: 583231, login: "octocat", type: "User" }, state: "DISMISSED", submitted_at: "2026-11-02T12:00:00Z" },
            { user: { id: 1, login: "hubot", type: "User" }, state: "APPROVED", submitted_at: "2026-11-02T15:00:00Z" },
          ],
        },
      },
      { sha: sha(3), message: "chore: bump", date: "2026-11-03T09:00:00Z" },
      { sha: sha(4), message: "feat: wallets", date: "2026-11-04T08:00:00Z", pull: pull(4, "2026-11-04T08:20:00Z", []) },
      { sha: sha(5), message: "fix: wallets", date: "2026-11-04T10:00:00Z" },
    ],
    deployments: [
      deployment(101, 1, "2026-11-02T09:00:00Z", ["success", "2026-11-02T10:00:00Z"], ["in_progress", "2026-11-02T09:01:00Z"]),
      deployment(102, 3, "2026-11-03T10:00:00Z", ["inactive", "2026-11-04T12:00:00Z"], ["success", "2026-11-03T11:00:00Z"]),
      deployment(103, 4, "2026-11-04T09:00:00Z", ["failure", "2026-11-04T09:30:00Z"]),
      deployment(104, 5, "2026-11-04T11:00:00Z", ["success", "2026-11-04T12:00:00Z"]),
      { ...deployment(150, 5, "2026-11-04T10:30:00Z", ["success", "2026-11-04T10:40:00Z"]), environment: "staging" },
    ],
    issues: [
      {
        number: 7,
        title: "Checkout down",
        labels: ["incident", "sev2"],
        created_at: "2026-11-03T12:00:00Z",
        updated_at: "2026-11-03T14:00:00Z",
        closed_at: "2026-11-03T14:00:00Z",
      },
      { number: 8, title: "Typo", labels: ["bug"], created_at: "2026-11-03T12:00:00Z", updated_at: "2026-11-03T12:00:00Z", closed_at: null },
    ],
    runs: [
      {
        id: 9001,
        name: "Build",
        head_sha: sha(5),
        status: "completed",
        conclusion: "success",
        created_at: "2026-11-04T10:05:00Z",
        updated_at: "2026-11-04T10:15:00Z",
      },
      {
        id: 9002,
        name: "Build",
        head_sha: sha(5),
        status: "in_progress",
        conclusion: null,
        created_at: "2026-11-04T10:20:00Z",
        updated_at: "2026-11-04T10:21:00Z",
      },
    ],
  };
}
