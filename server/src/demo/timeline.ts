// One service's 120 days: deploy slots from its cadence, the commits and CI builds behind each
// deploy, failed deploy attempts, staging deploys, redeploys, and the change failures
// (incidents, rollbacks, hotfixes) that drive the teams' trends. Which deploys fail is
// failures.ts; the commits' times and pull requests are serviceCommits.ts.
import { runChain, chainEnd, chainStart, type ChainOptions } from "./builds.ts";
import { type DemoCalendar, DAY, HOUR, MINUTE, type Span, isWeekend } from "./calendar.ts";
import type { ServiceSpec } from "./catalog.ts";
import { describeCommit, describeHotfix, describeNewCommit } from "./commits.ts";
import type { CommitDraft, DemoDrafts, DeploymentDraft, DeploymentStatus } from "./drafts.ts";
import { FailureDice, slipWeekDeploys, type Failure, type Forced, type Remedy } from "./failures.ts";
import { draftIncident, pickSeverity } from "./incidents.ts";
import type { Random } from "./random.ts";
import { slotTimes } from "./schedule.ts";
import { ServiceCommits } from "./serviceCommits.ts";
import { TEST_SUITES } from "./testCatalog.ts";

export class ServiceTimeline {
  /** No deploy of this service starts before this. */
  private cursor = 0;
  private readonly successes: DeploymentDraft[] = [];
  /** Commits of a rolled-back deploy: the next deploy ships them again with a fix. */
  private reship: CommitDraft[] = [];
  private readonly serviceCommits: ServiceCommits;
  private readonly slipQueue: Forced[];
  private readonly dice: FailureDice;

  constructor(
    private readonly rng: Random,
    private readonly cal: DemoCalendar,
    private readonly service: ServiceSpec,
    private readonly drafts: DemoDrafts,
  ) {
    // In this order: each draws from the same random stream.
    this.serviceCommits = new ServiceCommits(rng, cal, service, drafts);
    this.slipQueue = slipWeekDeploys(service);
    this.dice = new FailureDice(rng, cal, service);
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
    this.serviceCommits.addPending(this.successes.at(-1)?.finishedAt);
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
        ? [this.serviceCommits.create(describeCommit(rng, service, "bug"))]
        : Array.from({ length: count }, () => this.serviceCommits.create(describeNewCommit(rng, service)));
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
    this.serviceCommits.time(fresh, chainStart(chain), deployAt);
    this.serviceCommits.pullRequestBuilds(fresh);
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

    const failure = forced !== undefined ? forced.failure : this.dice.roll(deployment.startedAt);
    if (failure !== undefined) this.fail(deployment, failure, nextSlot);
    else this.maybeRedeploy(deployment, nextSlot);
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
      const fix = this.serviceCommits.create(describeHotfix(rng, service));
      fix.committedAt = committedAt;
      if (rng.chance(0.5)) {
        fix.prNumber = this.serviceCommits.nextPr(1);
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
}
