// One service's 120 days: deploy slots from its cadence, the commits and CI builds behind each
// deploy, failed deploy attempts, staging deploys, redeploys, and the change failures
// (incidents, rollbacks, hotfixes) that drive the teams' trends.
import { runChain, chainEnd, chainStart, type ChainOptions } from "./builds.ts";
import { type DemoCalendar, DAY, HOUR, MINUTE, type Span, isWeekend } from "./calendar.ts";
import type { ServiceSpec } from "./catalog.ts";
import { describeCommit, describeHotfix, describeNewCommit } from "./commits.ts";
import type { CommitDraft, DemoDrafts, DeploymentDraft, DeploymentStatus, Severity } from "./drafts.ts";
import { draftIncident, pickSeverity } from "./incidents.ts";
import type { Random } from "./random.ts";
import { Renewal, slotTimes } from "./schedule.ts";
import { TEST_SUITES } from "./testCatalog.ts";

type FailureKind = "incident-deployment" | "incident-commit" | "incident-window" | "rollback-only";
type Remedy = "rollback" | "hotfix" | "none";

interface Failure {
  kind: FailureKind;
  remedy: Remedy;
  severity?: Severity;
  /** Recovery takes this many times the team's usual (the slip week's incidents drag on). */
  slowRecovery?: number;
}

/** What the story imposes on one production deploy. */
interface Forced {
  /** A failed deploy attempt precedes the successful one. */
  failFirst?: boolean;
  failure?: Failure;
}

// The week Platform slipped: identity-api's first deploys of the week go wrong one after the
// other, its incidents take six times as long to resolve as usual, and notifications ships a
// bad commit. Long enough that the slip stands out above Checkout's rising (random) failures.
const SLIP_WEEK: Readonly<Record<string, readonly Forced[]>> = {
  "identity-api": [
    { failure: { kind: "incident-deployment", remedy: "hotfix", severity: "sev2", slowRecovery: 6 } },
    { failFirst: true, failure: { kind: "rollback-only", remedy: "rollback" } },
    { failure: { kind: "incident-window", remedy: "none", severity: "sev1", slowRecovery: 6 } },
    { failFirst: true, failure: { kind: "incident-commit", remedy: "rollback", severity: "sev3", slowRecovery: 6 } },
  ],
  notifications: [
    { failure: { kind: "incident-commit", remedy: "rollback", severity: "sev3" } },
    { failFirst: true, failure: { kind: "rollback-only", remedy: "rollback" } },
  ],
};

export class ServiceTimeline {
  /** No deploy of this service starts before this. */
  private cursor = 0;
  private readonly successes: DeploymentDraft[] = [];
  /** Commits of a rolled-back deploy: the next deploy ships them again with a fix. */
  private reship: CommitDraft[] = [];
  private prNumber: number;
  private readonly slipQueue: Forced[];
  private readonly failures: Renewal;
  /** Decides which incidents run their course with no rollback or hotfix. */
  private readonly unremediated: Renewal;

  constructor(
    private readonly rng: Random,
    private readonly cal: DemoCalendar,
    private readonly service: ServiceSpec,
    private readonly drafts: DemoDrafts,
  ) {
    this.prNumber = rng.int(200, 3_000);
    this.slipQueue = [...(SLIP_WEEK[service.slug] ?? [])];
    this.failures = new Renewal(rng, 0.4, 1.6);
    this.unremediated = new Renewal(rng, 0.5, 1.5);
  }

  run(): void {
    const { cal, service } = this;
    const slots = slotTimes(this.rng, cal, service.cadence);
    if (this.slipQueue.length > 0) this.ensureWeekdaySlots(slots, cal.slipWeek);
    if (TEST_SUITES[service.slug]?.some((test) => test.behaviour === "broken-week")) this.ensureWeekdaySlots(slots, cal.brokenTest);
    // The story's build flags, placed on specific slots.
    const lastBeforeFix = slots.filter((slot) => slot < cal.flakyFixedAt - 2 * HOUR).at(-1);
    const outageSlot = slots.find((slot) => slot >= cal.outageAt);
    // 1 build in 33 leaves weeks without a flake on some days' demos, and a test with none in the
    // last 14 days of a window reads as fixed. One flake about 9 days before now keeps the minor
    // flaky test flaky in the default view (full weeks up to this week's Monday, so ending 0 to 7
    // days ago) and up to today.
    const rareFlakySlot = slots.filter((slot) => slot < cal.now - 9 * DAY).at(-1);
    slots.forEach((slot, index) => {
      const start = Math.max(slot, this.cursor);
      if (start > cal.now - 2 * HOUR) return;
      const flags: Pick<ChainOptions, "forceFlaky" | "outage"> = {};
      if (service.slug === "payments-api" && slot === lastBeforeFix) flags.forceFlaky = "fixed-flaky";
      if (service.slug === "checkout-web" && slot === outageSlot) flags.outage = true;
      if (service.slug === "checkout-web" && index >= slots.length - 2) flags.forceFlaky = "costly-flaky";
      if (service.slug === "checkout-web" && slot === rareFlakySlot) flags.forceFlaky = "rare-flaky";
      this.deploySlot(start, slots[index + 1] ?? cal.now, flags);
    });
    this.addPendingChanges();
  }

  /** Story weeks (the slip, the broken test) need a deploy every weekday, whatever the dice said. */
  private ensureWeekdaySlots(slots: number[], span: Span): void {
    for (let day = span.start; day < span.end; day += DAY) {
      if (isWeekend(day) || slots.some((slot) => slot >= day && slot < day + DAY)) continue;
      const slot = day + this.rng.float(10, 16) * HOUR;
      if (slot < this.cal.now - 2 * HOUR) slots.push(slot);
    }
    slots.sort((a, b) => a - b);
  }

  private newCommit(described: Omit<CommitDraft, "sha" | "committedAt">): CommitDraft {
    return { sha: this.rng.hex(40), committedAt: 0, ...described };
  }

  /** Places commits in time: the head just before its CI run, the others by the service's lead time. */
  private timeCommits(fresh: CommitDraft[], buildStart: number, deployAt: number): void {
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
        this.prNumber += rng.int(1, 3);
        commit.prNumber = this.prNumber;
        commit.prMergedAt = commit.committedAt + (buildStart - commit.committedAt) * rng.float(0.2, 0.9);
      }
      if (rng.chance(0.4)) commit.authoredAt = Math.max(cal.start, commit.committedAt - rng.logUniform(0.2, 48) * HOUR);
    }
  }

  /** Pull-request CI runs for some of the non-head commits. */
  private pullRequestBuilds(fresh: readonly CommitDraft[]): void {
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

  private deploy(fields: Pick<DeploymentDraft, "status" | "kind" | "commitSha" | "startedAt"> & Partial<DeploymentDraft>): DeploymentDraft {
    const deployment: DeploymentDraft = {
      id: "",
      service: this.service,
      environment: "production",
      finishedAt: fields.startedAt + this.rng.float(2, 12) * MINUTE,
      ...fields,
    };
    this.drafts.deployments.push(deployment);
    if (deployment.environment === "production" && deployment.status === "success") this.successes.push(deployment);
    this.cursor = Math.max(this.cursor, deployment.finishedAt + 15 * MINUTE);
    return deployment;
  }

  private inSlipWeek(at: number): boolean {
    return at >= this.cal.slipWeek.start && at < this.cal.slipWeek.end;
  }

  private deploySlot(deployAt: number, nextSlot: number, flags: Pick<ChainOptions, "forceFlaky" | "outage">): void {
    const { rng, cal, service } = this;
    const forced = this.inSlipWeek(deployAt) ? this.slipQueue.shift() : undefined;

    const reship = this.reship;
    this.reship = [];
    const count = rng.int(service.commits[0], service.commits[1]);
    const fresh =
      reship.length > 0
        ? [this.newCommit(describeCommit(rng, service, "bug"))]
        : Array.from({ length: count }, () => this.newCommit(describeNewCommit(rng, service)));
    const head = fresh[fresh.length - 1];
    if (head === undefined) return;

    const staged = service.staging && rng.chance(0.1);
    const buildGap = (staged ? rng.float(20, 35) : rng.float(3, 20)) * MINUTE;
    const chain = runChain(rng, cal, service, {
      sha: head.sha,
      branch: "main",
      trigger: "push",
      storyTime: deployAt,
      endBy: deployAt - buildGap,
      ...flags,
    });
    this.drafts.builds.push(chain);
    this.timeCommits(fresh, chainStart(chain), deployAt);
    this.pullRequestBuilds(fresh);
    const commits = [...reship.slice(-7), ...fresh];

    if (staged) {
      const stagingAt = chainEnd(chain) + rng.float(2, 5) * MINUTE;
      this.deploy({
        environment: "staging",
        status: rng.chance(0.95) ? "success" : "failure",
        kind: "normal",
        commitSha: head.sha,
        startedAt: stagingAt,
        finishedAt: stagingAt + rng.float(3, 6) * MINUTE,
      });
    }

    let startedAt = deployAt;
    const roll = rng.next();
    const firstStatus: DeploymentStatus | undefined =
      forced?.failFirst === true ? "failure" : roll < 0.045 ? "failure" : roll < 0.065 ? "cancelled" : undefined;
    if (firstStatus !== undefined) {
      const failed = this.deploy({ status: firstStatus, kind: "normal", commitSha: head.sha, commits, startedAt });
      startedAt = failed.finishedAt + rng.float(20, 60) * MINUTE;
    }
    const deployment = this.deploy({ status: "success", kind: "normal", commitSha: head.sha, commits, startedAt });

    const failure = forced !== undefined ? forced.failure : this.randomFailure(deployment);
    if (failure !== undefined) this.fail(deployment, failure, nextSlot);
    else this.maybeRedeploy(deployment, nextSlot);
  }

  private randomFailure(deployment: DeploymentDraft): Failure | undefined {
    const { rng, cal, service } = this;
    if (deployment.startedAt >= cal.quietFrom) return undefined;
    // Platform: a clean week before the slip, and only the forced failures during it.
    if (service.team.slug === "platform" && deployment.startedAt >= cal.slipWeek.start - 7 * DAY) return undefined;
    const progress = cal.progress(deployment.startedAt);
    if (this.failures.advance(service.team.failureRate(progress) * service.failureWeight) === 0) return undefined;
    const kind = rng.weighted<FailureKind>({
      "incident-deployment": 0.37,
      "incident-commit": 0.16,
      "incident-window": 0.27,
      "rollback-only": 0.2,
    });
    if (kind === "rollback-only") return { kind, remedy: "rollback" };
    const unremediated = this.unremediated.advance(service.team.unremediatedShare(progress)) > 0;
    const remedy: Remedy = unremediated ? "none" : rng.chance(0.64) ? "hotfix" : "rollback";
    return { kind, remedy };
  }

  /** The deploy caused a failure: an incident and/or a rollback, maybe a hotfix. */
  private fail(deployment: DeploymentDraft, failure: Failure, nextSlot: number): void {
    const { rng, cal, service } = this;
    const gap = nextSlot - deployment.finishedAt;
    let { kind } = failure;
    // Attribution by time needs the incident to open before the next deploy: if the next one is
    // too close, name the deploy instead.
    if (kind === "incident-window" && gap < 20 * MINUTE) kind = "incident-deployment";
    const previous = this.successes.at(-2);
    const remedy: Remedy = failure.remedy === "rollback" && previous === undefined ? "hotfix" : failure.remedy;

    if (kind === "rollback-only") {
      if (previous === undefined) return;
      this.rollback(deployment, previous, deployment.finishedAt + rng.float(15, 90) * MINUTE);
      return;
    }
    const maxDelay = Math.max(10 * MINUTE, Math.min(8 * HOUR, 0.6 * gap));
    const openedAt = deployment.finishedAt + rng.float(5 * MINUTE, maxDelay);
    const incident = draftIncident(rng, cal, {
      service,
      severity: failure.severity ?? pickSeverity(rng),
      openedAt,
      recoveryScale: service.team.recoveryScale(cal.progress(openedAt)) * (failure.slowRecovery ?? 1),
    });
    if (kind === "incident-deployment") incident.causedBy = deployment;
    if (kind === "incident-commit") incident.causedByCommitSha = rng.pick(deployment.commits ?? []).sha;
    this.drafts.incidents.push(incident);

    let remediatedAt: number | undefined;
    if (remedy === "rollback" && previous !== undefined) {
      remediatedAt = this.rollback(deployment, previous, openedAt + rng.float(10, 40) * MINUTE).finishedAt;
    } else if (remedy === "hotfix") {
      const committedAt = openedAt + rng.float(10, 40) * MINUTE;
      const fix = this.newCommit(describeHotfix(rng, service));
      fix.committedAt = committedAt;
      if (rng.chance(0.5)) {
        this.prNumber += 1;
        fix.prNumber = this.prNumber;
        fix.prMergedAt = committedAt + rng.float(1, 5) * MINUTE;
      }
      const chain = runChain(rng, cal, service, {
        sha: fix.sha,
        branch: "main",
        trigger: "push",
        storyTime: committedAt,
        startAt: (fix.prMergedAt ?? committedAt) + rng.float(1, 3) * MINUTE,
      });
      this.drafts.builds.push(chain);
      const hotfix = this.deploy({
        status: "success",
        kind: "hotfix",
        commitSha: fix.sha,
        commits: [fix],
        startedAt: chainEnd(chain) + rng.float(3, 10) * MINUTE,
        ...(rng.chance(0.8) ? { remediates: incident } : {}),
      });
      remediatedAt = hotfix.finishedAt;
    }
    if (remediatedAt !== undefined) {
      const resolvedAt = Math.max(remediatedAt + rng.float(5, 30) * MINUTE, openedAt + 20 * MINUTE);
      incident.resolvedAt = Math.min(resolvedAt, cal.now - 10 * MINUTE);
    }
  }

  /** Redeploys the previous good sha; the bad deploy's commits ship again with the next deploy. */
  private rollback(bad: DeploymentDraft, previous: DeploymentDraft, startedAt: number): DeploymentDraft {
    this.reship = bad.commits ?? [];
    return this.deploy({ status: "success", kind: "rollback", commitSha: previous.commitSha, rollbackOf: bad, startedAt });
  }

  /** Now and then a deploy is simply run again (same sha, same commits). */
  private maybeRedeploy(deployment: DeploymentDraft, nextSlot: number): void {
    const { rng, cal, service } = this;
    if (service.cadence.kind !== "daily" || deployment.startedAt >= cal.quietFrom) return;
    if (nextSlot - deployment.finishedAt < 90 * MINUTE || !rng.chance(0.012)) return;
    this.deploy({
      status: "success",
      kind: "normal",
      commitSha: deployment.commitSha,
      ...(deployment.commits ? { commits: deployment.commits } : {}),
      startedAt: deployment.finishedAt + rng.float(20, 45) * MINUTE,
    });
  }

  /** Commits merged after the service's last deploy, reported as change events. */
  private addPendingChanges(): void {
    const { rng, cal, service } = this;
    const after = Math.max(this.successes.at(-1)?.finishedAt ?? cal.start, cal.now - 5 * DAY) + 10 * MINUTE;
    const until = cal.now - 20 * MINUTE;
    if (until - after < 30 * MINUTE) return;
    const count = service.cadence.kind === "daily" ? rng.int(0, 2) : rng.int(1, 3);
    for (let index = 0; index < count; index += 1) {
      const commit = this.newCommit(describeNewCommit(rng, service));
      commit.committedAt = rng.float(after, until);
      this.prNumber += rng.int(1, 3);
      commit.prNumber = this.prNumber;
      commit.prMergedAt = Math.min(commit.committedAt + rng.float(1, 5) * MINUTE, cal.now - MINUTE);
      const prOpenedAt = Math.max(cal.start, commit.committedAt - rng.logUniform(1, 30) * HOUR);
      this.drafts.pendingChanges.push({ service, commit, prOpenedAt });
    }
  }
}
