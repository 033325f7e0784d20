// One service's commits: their times (the head just before its CI run, the others by the service's
// lead time), their pull requests and pull-request builds, and the commits merged after its last
// deploy. The pull-request numbers count up per service.
import { runChain } from "./builds.ts";
import { type DemoCalendar, DAY, HOUR, MINUTE } from "./calendar.ts";
import type { ServiceSpec } from "./catalog.ts";
import { describeNewCommit } from "./commits.ts";
import type { CommitDraft, DemoDrafts } from "./drafts.ts";
import type { Random } from "./random.ts";
import { TEST_SUITES } from "./testCatalog.ts";

export class ServiceCommits {
  private prNumber: number;

  constructor(
    private readonly rng: Random,
    private readonly cal: DemoCalendar,
    private readonly service: ServiceSpec,
    private readonly drafts: DemoDrafts,
  ) {
    this.prNumber = rng.int(200, 3_000);
  }

  /** The next pull-request number, `step` after the last one. */
  nextPr(step: number): number {
    this.prNumber += step;
    return this.prNumber;
  }

  create(described: Omit<CommitDraft, "sha" | "committedAt">): CommitDraft {
    return { sha: this.rng.hex(40), committedAt: 0, ...described };
  }

  /** Places commits in time: the head just before its CI run, the others by the service's lead time. */
  time(fresh: CommitDraft[], buildStart: number, deployAt: number): void {
    const { rng, cal, service } = this;
    const head = fresh[fresh.length - 1];
    if (head === undefined) return;
    head.committedAt = Math.max(cal.start + MINUTE, buildStart - rng.float(1, 12) * MINUTE);
    const earlier = fresh.slice(0, -1).map((commit) => {
      let at = deployAt - rng.logUniform(service.leadHours[0], service.leadHours[1]) * HOUR;
      if (at >= head.committedAt - MINUTE) at = head.committedAt - rng.float(5, 90) * MINUTE;
      commit.committedAt = Math.max(at, cal.start + rng.float(1, 30) * MINUTE);
      return commit;
    });
    earlier.sort((a, b) => a.committedAt - b.committedAt);
    fresh.splice(0, fresh.length, ...earlier, head);
    for (const commit of fresh) {
      if (rng.chance(0.65)) {
        commit.prNumber = this.nextPr(rng.int(1, 3));
        commit.prMergedAt = commit.committedAt + (buildStart - commit.committedAt) * rng.float(0.2, 0.9);
      }
      if (rng.chance(0.4)) commit.authoredAt = Math.max(cal.start, commit.committedAt - rng.logUniform(0.2, 48) * HOUR);
    }
  }

  /** Pull-request CI runs for some of the non-head commits. */
  pullRequestBuilds(fresh: readonly CommitDraft[]): void {
    const { rng, cal, service } = this;
    const share = TEST_SUITES[service.slug] === undefined ? 0.5 : 0.12;
    for (const commit of fresh.slice(0, -1)) {
      if (!rng.chance(share)) continue;
      this.drafts.builds.push(
        runChain(rng, cal, service, {
          sha: commit.sha,
          branch: `feature/${service.slug}-${commit.prNumber ?? rng.int(10, 999)}`,
          trigger: "pull_request",
          storyTime: commit.committedAt,
          startAt: commit.committedAt + rng.float(1, 6) * MINUTE,
        }),
      );
    }
  }

  /** Commits merged after the service's last deploy (finished at `lastDeployAt`), reported as change events. */
  addPending(lastDeployAt: number | undefined): void {
    const { rng, cal, service } = this;
    const after = Math.max(lastDeployAt ?? cal.start, cal.now - 5 * DAY) + 10 * MINUTE;
    const until = cal.now - 20 * MINUTE;
    if (until - after < 30 * MINUTE) return;
    const count = service.cadence.kind === "daily" ? rng.int(0, 2) : rng.int(1, 3);
    for (let index = 0; index < count; index += 1) {
      const commit = this.create(describeNewCommit(rng, service));
      commit.committedAt = rng.float(after, until);
      commit.prNumber = this.nextPr(rng.int(1, 3));
      commit.prMergedAt = Math.min(commit.committedAt + rng.float(1, 5) * MINUTE, cal.now - MINUTE);
      const prOpenedAt = Math.max(cal.start, commit.committedAt - rng.logUniform(1, 30) * HOUR);
      this.drafts.pendingChanges.push({ service, commit, prOpenedAt });
    }
  }
}
