// CI runs of one commit: attempt 1, and reruns after a failed attempt, with JUnit executions
// for the services that upload reports. Test outcomes follow the behaviours in testCatalog.ts.
import type { TestExecution } from "../ingest/junit/types.ts";
import { type DemoCalendar, MINUTE } from "./calendar.ts";
import type { ServiceSpec } from "./catalog.ts";
import type { AttemptDraft, BuildChainDraft } from "./drafts.ts";
import type { Random } from "./random.ts";
import { STORY_TESTS, TEST_SUITES, type TestSpec } from "./testCatalog.ts";

export interface ChainOptions {
  sha: string;
  branch: string;
  trigger: BuildChainDraft["trigger"];
  /** The instant the story rules use (flaky rates, fix date, broken week). */
  storyTime: number;
  /** Place the chain so its first attempt is queued here... */
  startAt?: number;
  /** ...or so its last attempt finishes here. */
  endBy?: number;
  /** Make this story test fail attempt 1 whatever the dice say. */
  forceFlaky?: "costly-flaky" | "fixed-flaky" | "rare-flaky";
  /** Attempt 1 is the CI outage: most tests fail. */
  outage?: boolean;
}

const MAX_ATTEMPTS = 3;

function execution(test: TestSpec, status: TestExecution["status"], durationMs: number, retry = 0): TestExecution {
  return { suite: test.suite, name: test.name, variant: test.variant, status, durationMs: Math.round(durationMs), retry };
}

/** The chance the checkout promo-code test flakes: it gets worse as the suite grows. */
export function costlyFlakyRate(progress: number): number {
  return 0.08 + 0.3 * progress;
}

function runTest(rng: Random, cal: DemoCalendar, test: TestSpec, attempt: number, options: ChainOptions): TestExecution[] {
  const normal = test.baseMs * rng.float(0.7, 1.4);
  const pass = [execution(test, "passed", normal)];
  const firstAttempt = attempt === 1;
  if (options.outage === true && firstAttempt && test.behaviour !== "skipped" && rng.chance(0.85)) {
    return [execution(test, "failed", rng.float(1_500, 5_000))];
  }
  switch (test.behaviour) {
    case "stable":
      return pass;
    case "skipped":
      return [execution(test, "skipped", 0)];
    case "costly-flaky": {
      const flakes = options.forceFlaky === "costly-flaky" || rng.chance(costlyFlakyRate(cal.progress(options.storyTime)));
      // A flaky failure here is Playwright's 30 s timeout.
      return firstAttempt && flakes ? [execution(test, "failed", 30_000 + rng.float(0, 400))] : pass;
    }
    case "fixed-flaky": {
      const flaky = options.storyTime < cal.flakyFixedAt;
      const flakes = options.forceFlaky === "fixed-flaky" || rng.chance(0.3);
      return firstAttempt && flaky && flakes ? [execution(test, "failed", 5_000 + rng.float(0, 300))] : pass;
    }
    case "rare-flaky": {
      // The dice are thrown even when forced, so forcing changes no other draw.
      const flakes = rng.chance(0.03) || options.forceFlaky === "rare-flaky";
      return firstAttempt && flakes ? [execution(test, "failed", normal * 3)] : pass;
    }
    case "in-report-retry":
      // Surefire's rerunFailingTestsCount: the failure and the passing rerun in one report.
      return rng.chance(0.1) ? [execution(test, "failed", normal * 2, 0), execution(test, "passed", normal, 1)] : pass;
    case "broken-week": {
      const broken = options.storyTime >= cal.brokenTest.start && options.storyTime < cal.brokenTest.end;
      return broken ? [execution(test, "failed", normal)] : pass;
    }
  }
}

function failedFinally(executions: readonly TestExecution[]): boolean {
  const last = new Map<string, TestExecution["status"]>();
  for (const run of executions) last.set(`${run.suite}\u001f${run.name}\u001f${run.variant}`, run.status);
  return [...last.values()].some((status) => status === "failed" || status === "error");
}

function brokenTestFailed(executions: readonly TestExecution[]): boolean {
  const broken = STORY_TESTS.broken;
  return executions.some((run) => run.status === "failed" && run.suite === broken.suite && run.name === broken.name);
}

/** Simulates one commit's CI run, attempt by attempt, and places it in time. */
export function runChain(rng: Random, cal: DemoCalendar, service: ServiceSpec, options: ChainOptions): BuildChainDraft {
  const tests = TEST_SUITES[service.slug];
  const attempts: AttemptDraft[] = [];
  let clock = 0;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const queuedAt = clock;
    const startedAt = queuedAt + rng.float(0.3, 4) * MINUTE;
    const minutes = Math.min(20, Math.max(5, rng.float(service.buildMinutes[0], service.buildMinutes[1])));
    const finishedAt = startedAt + minutes * MINUTE;
    let status: AttemptDraft["status"];
    let executions: TestExecution[] | undefined;
    if (tests !== undefined) {
      executions = tests.flatMap((test) => runTest(rng, cal, test, attempt, options));
      status = failedFinally(executions) ? "failure" : "success";
    } else {
      // No reports: an occasional red or superseded attempt 1 that a rerun fixes.
      const roll = rng.next();
      status = attempt === 1 && roll < 0.06 ? "failure" : attempt === 1 && roll < 0.075 ? "cancelled" : "success";
    }
    attempts.push({ attempt, status, queuedAt, startedAt, finishedAt, ...(executions ? { executions } : {}) });
    if (status === "success") break;
    // A broken test fails every rerun: people retry once, taking it for a flake, then give up.
    if (executions !== undefined && brokenTestFailed(executions) && attempt > 1) break;
    clock = finishedAt + rng.float(1, 12) * MINUTE;
  }
  const first = attempts[0];
  const last = attempts[attempts.length - 1];
  if (first === undefined || last === undefined) throw new Error("a build chain has at least one attempt");
  const offset = options.startAt !== undefined ? options.startAt - first.queuedAt : (options.endBy ?? 0) - last.finishedAt;
  for (const attempt of attempts) {
    attempt.queuedAt += offset;
    attempt.startedAt += offset;
    attempt.finishedAt += offset;
  }
  return { service, sha: options.sha, branch: options.branch, trigger: options.trigger, attempts };
}

export function chainStart(chain: BuildChainDraft): number {
  return chain.attempts[0]?.queuedAt ?? 0;
}

export function chainEnd(chain: BuildChainDraft): number {
  return chain.attempts[chain.attempts.length - 1]?.finishedAt ?? 0;
}
