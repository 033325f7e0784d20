import { AnyEvent, type AnyEventInput } from "@keel/shared";
import { describe, expect, test } from "vitest";
import type { TestExecution } from "../ingest/junit/types.ts";
import { type DemoData, generateDemo } from "./generateDemo.ts";
import { STORY_TESTS } from "./testCatalog.ts";

type Deployment = Extract<AnyEventInput, { type: "deployment" }>;
type Incident = Extract<AnyEventInput, { type: "incident" }>;
type Build = Extract<AnyEventInput, { type: "build" }>;
type Change = Extract<AnyEventInput, { type: "change" }>;

const NOW = new Date("2026-11-21T12:00:00Z");
const now = NOW.getTime();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const start = now - 120 * DAY;
const ms = (value: string | undefined): number => (value === undefined ? Number.NaN : Date.parse(value));

/** The data set cut into the shapes the assertions need. */
function analyse(data: DemoData) {
  const deployments = data.events.filter((event): event is Deployment => event.type === "deployment");
  const incidents = data.events.filter((event): event is Incident => event.type === "incident");
  const builds = data.events.filter((event): event is Build => event.type === "build");
  const changes = data.events.filter((event): event is Change => event.type === "change");
  const teamOf = new Map(data.services.map((service) => [service.slug, service.team]));
  const production = deployments
    .filter((deployment) => deployment.status === "success" && (deployment.environment ?? "production") === "production")
    .sort((a, b) => ms(a.finishedAt) - ms(b.finishedAt));
  const reportByBuild = new Map(data.testReports.map((report) => [report.buildId, report]));
  return { deployments, incidents, builds, changes, teamOf, production, reportByBuild };
}

const data = generateDemo({ now: NOW });
const demo = analyse(data);

// --- investment: the product's classification rules, restated independently -----------------

type Category = "feature" | "debt" | "bug" | "unplanned" | "other";
const LABELS: Record<string, Category> = {
  "tech-debt": "debt",
  refactor: "debt",
  chore: "debt",
  ci: "debt",
  test: "debt",
  deps: "debt",
  bug: "bug",
  incident: "unplanned",
  hotfix: "unplanned",
  feature: "feature",
  enhancement: "feature",
};
const PREFIXES: Record<string, Category> = {
  feat: "feature",
  fix: "bug",
  refactor: "debt",
  perf: "debt",
  chore: "debt",
  build: "debt",
  ci: "debt",
  test: "debt",
  style: "debt",
  revert: "unplanned",
};

function classify(change: { category?: string; labels?: string[]; text?: string }): { category: Category; source: string } {
  if (change.category !== undefined) return { category: change.category as Category, source: "explicit" };
  for (const label of change.labels ?? []) {
    const category = LABELS[label];
    if (category !== undefined) return { category, source: "labels" };
  }
  const type = /^(\w+)(?:\([^)]*\))?!?:/.exec(change.text ?? "")?.[1];
  const category = type === undefined ? undefined : PREFIXES[type];
  return category !== undefined ? { category, source: "prefix" } : { category: "other", source: "none" };
}

interface ClassifiedChange {
  sha: string;
  team: string;
  category: Category;
  source: string;
}

function classifiedChanges(analysis: ReturnType<typeof analyse>): ClassifiedChange[] {
  const bySha = new Map<string, ClassifiedChange>();
  for (const deployment of analysis.deployments) {
    for (const commit of deployment.commits ?? []) {
      if (bySha.has(commit.sha)) continue;
      const { category, source } = classify({ ...commit, text: commit.message });
      bySha.set(commit.sha, { sha: commit.sha, team: analysis.teamOf.get(deployment.service) ?? "", category, source });
    }
  }
  for (const change of analysis.changes) {
    const { category, source } = classify({ ...change, text: change.title });
    bySha.set(change.sha, { sha: change.sha, team: analysis.teamOf.get(change.service ?? "") ?? "", category, source });
  }
  return [...bySha.values()];
}

function share(list: readonly ClassifiedChange[], team: string, category: Category): number {
  const mine = list.filter((change) => change.team === team);
  return mine.filter((change) => change.category === category).length / mine.length;
}

// --- change failures: the product's attribution rules, restated ------------------------------

/** Incident id -> the deployment it is attributed to (explicit, by commit, or by time window). */
function attributeIncidents(analysis: ReturnType<typeof analyse>): Map<string, Deployment> {
  const byId = new Map(analysis.production.map((deployment) => [deployment.id, deployment]));
  const firstShipping = new Map<string, Deployment>();
  for (const deployment of analysis.production) {
    for (const commit of deployment.commits ?? []) if (!firstShipping.has(commit.sha)) firstShipping.set(commit.sha, deployment);
  }
  const attributed = new Map<string, Deployment>();
  for (const incident of analysis.incidents) {
    let cause: Deployment | undefined;
    if (incident.causedByDeploymentId !== undefined) cause = byId.get(incident.causedByDeploymentId);
    else if (incident.causedByCommitSha !== undefined) cause = firstShipping.get(incident.causedByCommitSha);
    else if (incident.service !== undefined && incident.notCausedByChange !== true) {
      const opened = ms(incident.openedAt);
      cause = analysis.production.filter((deployment) => deployment.service === incident.service && ms(deployment.finishedAt) < opened).at(-1);
      if (cause !== undefined && opened - ms(cause.finishedAt) > 7 * DAY) cause = undefined;
    }
    if (cause !== undefined) attributed.set(incident.id, cause);
  }
  return attributed;
}

function failedDeployments(analysis: ReturnType<typeof analyse>): Set<string> {
  const failed = new Set<string>();
  for (const cause of attributeIncidents(analysis).values()) failed.add(cause.id);
  for (const deployment of analysis.production) if (deployment.rollbackOfDeploymentId) failed.add(deployment.rollbackOfDeploymentId);
  return failed;
}

// --- flaky tests ----------------------------------------------------------------------------

const testKey = (service: string, run: Pick<TestExecution, "suite" | "name" | "variant">): string => [service, run.suite, run.name, run.variant].join("|");

interface Run {
  build: Build;
  execution: TestExecution;
}

/** Every execution with its build, grouped by test. */
function runsByTest(analysis: ReturnType<typeof analyse>): Map<string, Run[]> {
  const runs = new Map<string, Run[]>();
  for (const build of analysis.builds) {
    const report = analysis.reportByBuild.get(build.id);
    for (const execution of report?.executions ?? []) {
      const key = testKey(build.service ?? "", execution);
      runs.set(key, [...(runs.get(key) ?? []), { build, execution }]);
    }
  }
  return runs;
}

const failedStatus = (execution: TestExecution): boolean => execution.status === "failed" || execution.status === "error";

function isOutage(analysis: ReturnType<typeof analyse>, build: Build): boolean {
  const executions = analysis.reportByBuild.get(build.id)?.executions ?? [];
  return executions.length > 0 && executions.filter(failedStatus).length / executions.length > 0.5;
}

/** Failed executions of a test on a sha where it also passed, outside outages. */
function flakyFailures(analysis: ReturnType<typeof analyse>, runs: readonly Run[]): Run[] {
  const passedOn = new Set(runs.filter((run) => run.execution.status === "passed").map((run) => run.build.commitSha));
  return runs.filter((run) => failedStatus(run.execution) && passedOn.has(run.build.commitSha) && !isOutage(analysis, run.build));
}

// --- hours lost, approximated with the cost model's defaults ---------------------------------

function cappedHours(openedAt: number, resolvedAt: number): number {
  let hours = 0;
  for (let day = Math.floor(openedAt / DAY) * DAY; day < resolvedAt; day += DAY) {
    hours += Math.min(8, (Math.min(resolvedAt, day + DAY) - Math.max(openedAt, day)) / HOUR);
  }
  return hours;
}

function hoursLost(analysis: ReturnType<typeof analyse>, team: string, from: number, to: number): number {
  const inWindow = (at: number): boolean => at >= from && at < to;
  let hours = 0;
  const attributed = attributeIncidents(analysis);
  for (const incident of analysis.incidents) {
    if (!attributed.has(incident.id) || analysis.teamOf.get(incident.service ?? "") !== team) continue;
    if (incident.resolvedAt === undefined || !inWindow(ms(incident.openedAt))) continue;
    hours += (incident.responders ?? 2) * cappedHours(ms(incident.openedAt), ms(incident.resolvedAt));
  }
  for (const deployment of analysis.production) {
    const rework = deployment.kind === "rollback" || deployment.kind === "hotfix" || deployment.remediatesIncidentId !== undefined;
    if (rework && analysis.teamOf.get(deployment.service) === team && inWindow(ms(deployment.finishedAt))) hours += 2;
  }
  const attemptsOf = new Map<string, Build[]>();
  for (const build of analysis.builds) {
    const key = `${build.service}|${build.commitSha}`;
    attemptsOf.set(key, [...(attemptsOf.get(key) ?? []), build]);
  }
  for (const [key, runs] of runsByTest(analysis)) {
    if (analysis.teamOf.get(key.split("|")[0] ?? "") !== team) continue;
    for (const run of flakyFailures(analysis, runs)) {
      if (run.build.status !== "failure" || !inWindow(ms(run.build.finishedAt))) continue;
      const rerun = (attemptsOf.get(`${run.build.service}|${run.build.commitSha}`) ?? []).find((build) => build.attempt === (run.build.attempt ?? 1) + 1);
      const rerunMs = ms((rerun ?? run.build).finishedAt) - ms((rerun ?? run.build).startedAt);
      hours += 23 / 60 + (0.5 * rerunMs) / HOUR;
    }
  }
  return hours;
}

// ---------------------------------------------------------------------------------------------

describe("generateDemo: determinism and validity", () => {
  test("the same now and seed give the same data; another seed gives other data", () => {
    expect(generateDemo({ now: NOW })).toEqual(data);
    expect(generateDemo({ now: NOW, seed: 20261121 })).toEqual(data);
    const other = generateDemo({ now: NOW, seed: 7 });
    expect(other.events).not.toEqual(data.events);
  });

  test("every event parses with AnyEvent", () => {
    const invalid = data.events
      .map((event, index) => ({ index, result: AnyEvent.safeParse(event) }))
      .filter(({ result }) => !result.success)
      .map(({ index, result }) => ({ index, issues: result.error?.issues.slice(0, 3) }));
    expect(invalid).toEqual([]);
  });

  test("every timestamp is a UTC ISO string within [now - 120 days, now)", () => {
    const problems: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}[${index}]`));
      else if (value !== null && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) {
          if (key.endsWith("At")) {
            const at = typeof inner === "string" ? Date.parse(inner) : Number.NaN;
            if (typeof inner !== "string" || !inner.endsWith("Z") || !(at >= start && at < now)) problems.push(`${path}.${key}=${String(inner)}`);
          } else visit(inner, `${path}.${key}`);
        }
      }
    };
    visit(data.events, "events");
    expect(problems).toEqual([]);
  });

  test("sizes are in the expected ranges", () => {
    const changes = new Set([...demo.deployments.flatMap((d) => (d.commits ?? []).map((c) => c.sha)), ...demo.changes.map((c) => c.sha)]);
    const executions = data.testReports.reduce((sum, report) => sum + report.executions.length, 0);
    expect(data.teams).toHaveLength(3);
    expect(data.services).toHaveLength(8);
    expect(new Set(data.services.map((service) => service.repository)).size).toBe(8);
    expect(demo.deployments.length).toBeGreaterThanOrEqual(1_000);
    expect(demo.deployments.length).toBeLessThanOrEqual(1_800);
    expect(changes.size).toBeGreaterThanOrEqual(3_000);
    expect(changes.size).toBeLessThanOrEqual(6_000);
    expect(demo.incidents.length).toBeGreaterThanOrEqual(40);
    expect(demo.incidents.length).toBeLessThanOrEqual(80);
    expect(demo.builds.length).toBeGreaterThanOrEqual(1_500);
    expect(demo.builds.length).toBeLessThanOrEqual(3_000);
    expect(executions).toBeLessThan(40_000);
    expect(demo.changes.length).toBeGreaterThan(0);
  });

  test("ids are unique and every reference points at something that exists", () => {
    const deploymentIds = new Set(demo.deployments.map((deployment) => deployment.id));
    const incidentIds = new Set(demo.incidents.map((incident) => incident.id));
    const buildIds = new Set(demo.builds.map((build) => build.id));
    expect(deploymentIds.size).toBe(demo.deployments.length);
    expect(incidentIds.size).toBe(demo.incidents.length);
    expect(buildIds.size).toBe(demo.builds.length);
    for (const id of deploymentIds) expect(id).toMatch(/^dep-[a-z-]+-\d{4}$/);
    for (const id of incidentIds) expect(id).toMatch(/^inc-\d{4}$/);
    for (const id of buildIds) expect(id).toMatch(/^build-[a-z-]+-\d{4}-a\d$/);
    const shipped = new Set(demo.deployments.flatMap((deployment) => (deployment.commits ?? []).map((commit) => commit.sha)));
    for (const deployment of demo.deployments) {
      if (deployment.rollbackOfDeploymentId) expect(deploymentIds).toContain(deployment.rollbackOfDeploymentId);
      if (deployment.remediatesIncidentId) expect(incidentIds).toContain(deployment.remediatesIncidentId);
    }
    for (const incident of demo.incidents) {
      if (incident.causedByDeploymentId) expect(deploymentIds).toContain(incident.causedByDeploymentId);
      if (incident.causedByCommitSha) expect(shipped).toContain(incident.causedByCommitSha);
    }
    for (const report of data.testReports) expect(buildIds).toContain(report.buildId);
    const services = new Set(data.services.map((service) => service.slug));
    const teams = new Set(data.teams.map((team) => team.slug));
    for (const service of data.services) expect(teams).toContain(service.team);
    for (const event of data.events) if ("service" in event && event.service !== undefined) expect(services).toContain(event.service);
  });
});

describe("generateDemo: deployments and changes", () => {
  test("services have clearly different cadences", () => {
    const perDay = (slug: string): number => demo.production.filter((d) => d.service === slug && d.kind === "normal").length / 120;
    expect(perDay("checkout-web")).toBeGreaterThan(2.5);
    for (const slug of ["cart-api", "search-api", "payments-api", "identity-api", "notifications"]) {
      expect(perDay(slug)).toBeGreaterThan(0.5);
      expect(perDay(slug)).toBeLessThan(2.5);
    }
    const weekly = demo.production.filter((d) => d.service === "billing-worker" && d.kind === "normal").length;
    expect(weekly).toBeGreaterThanOrEqual(10);
    expect(weekly).toBeLessThanOrEqual(18);
    const rare = demo.production.filter((d) => d.service === "ledger" && d.kind === "normal").length;
    expect(rare).toBeGreaterThanOrEqual(2);
    expect(rare).toBeLessThanOrEqual(7);
  });

  test("statuses, environments and kinds are all present, mostly successful production", () => {
    const count = (predicate: (d: Deployment) => boolean): number => demo.deployments.filter(predicate).length;
    const staging = count((d) => d.environment === "staging");
    expect(staging / demo.deployments.length).toBeGreaterThan(0.02);
    expect(staging / demo.deployments.length).toBeLessThan(0.15);
    expect(count((d) => d.status === "success") / demo.deployments.length).toBeGreaterThan(0.9);
    expect(count((d) => d.status === "failure")).toBeGreaterThan(10);
    expect(count((d) => d.status === "cancelled")).toBeGreaterThan(3);
    expect(count((d) => d.kind === "rollback" && d.rollbackOfDeploymentId !== undefined)).toBeGreaterThan(5);
    expect(count((d) => d.kind === "hotfix")).toBeGreaterThan(5);
    expect(count((d) => d.kind === "hotfix" && d.remediatesIncidentId !== undefined)).toBeGreaterThan(3);
  });

  test("each successful production deploy (but rollbacks) ships 1-8 commits made before it", () => {
    for (const deployment of demo.production) {
      if (deployment.kind === "rollback") {
        expect(deployment.commits).toBeUndefined();
        continue;
      }
      const commits = deployment.commits ?? [];
      expect(commits.length).toBeGreaterThanOrEqual(1);
      expect(commits.length).toBeLessThanOrEqual(8);
      for (const commit of commits) expect(ms(commit.committedAt)).toBeLessThan(ms(deployment.startedAt ?? deployment.finishedAt));
    }
  });

  test("lead times range from hours to days and differ by service", () => {
    const medianLead = (slug: string): number => {
      const seen = new Set<string>();
      const leads: number[] = [];
      for (const deployment of demo.production.filter((d) => d.service === slug)) {
        for (const commit of deployment.commits ?? []) {
          if (seen.has(commit.sha)) continue;
          seen.add(commit.sha);
          leads.push((ms(deployment.finishedAt) - ms(commit.committedAt)) / HOUR);
        }
      }
      leads.sort((a, b) => a - b);
      return leads[Math.floor(leads.length / 2)] ?? 0;
    };
    expect(medianLead("checkout-web")).toBeLessThan(12);
    expect(medianLead("payments-api")).toBeGreaterThan(medianLead("checkout-web"));
    expect(medianLead("ledger")).toBeGreaterThan(72);
  });

  test("a few commits are shipped by two successful production deploys", () => {
    const shippedBy = new Map<string, number>();
    for (const deployment of demo.production) {
      for (const commit of deployment.commits ?? []) shippedBy.set(commit.sha, (shippedBy.get(commit.sha) ?? 0) + 1);
    }
    const twice = [...shippedBy.values()].filter((count) => count > 1).length;
    expect(twice).toBeGreaterThan(5);
    expect(twice / shippedBy.size).toBeLessThan(0.1);
  });

  test("categories come from all three sources, with a visible unclassified share", () => {
    const list = classifiedChanges(demo);
    const sources = new Set(list.map((change) => change.source));
    expect([...sources].sort()).toEqual(["explicit", "labels", "none", "prefix"]);
    const categories = new Set(list.map((change) => change.category));
    expect([...categories].sort()).toEqual(["bug", "debt", "feature", "other", "unplanned"]);
    for (const team of ["payments", "checkout", "platform"]) {
      expect(share(list, team, "other")).toBeGreaterThan(0.05);
      expect(share(list, team, "other")).toBeLessThan(0.25);
    }
  });
});

describe("generateDemo: incidents and builds", () => {
  test("incidents cover every kind of cause, severity and state", () => {
    const { incidents } = demo;
    expect(incidents.some((i) => i.causedByDeploymentId !== undefined)).toBe(true);
    expect(incidents.some((i) => i.causedByCommitSha !== undefined)).toBe(true);
    expect(incidents.some((i) => i.service && !i.causedByDeploymentId && !i.causedByCommitSha && !i.notCausedByChange)).toBe(true);
    expect(incidents.filter((i) => i.notCausedByChange === true)).toHaveLength(1);
    expect(incidents.filter((i) => i.service === undefined)).toHaveLength(1);
    expect(incidents.some((i) => i.responders !== undefined)).toBe(true);
    expect(incidents.some((i) => i.responders === undefined)).toBe(true);
    expect(new Set(incidents.map((i) => i.severity))).toEqual(new Set(["sev1", "sev2", "sev3"]));
    const open = incidents.filter((i) => i.resolvedAt === undefined);
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.length).toBeLessThanOrEqual(2);
    for (const incident of open) expect(now - ms(incident.openedAt)).toBeLessThan(2 * DAY);
    const durations = incidents.filter((i) => i.resolvedAt).map((i) => (ms(i.resolvedAt) - ms(i.openedAt)) / HOUR);
    expect(Math.min(...durations)).toBeGreaterThanOrEqual(20 / 60);
    expect(Math.min(...durations)).toBeLessThan(1);
    expect(Math.max(...durations)).toBeLessThanOrEqual(48);
    expect(Math.max(...durations)).toBeGreaterThan(40);
  });

  test("incidents without an explicit cause open after a deploy of their service and before the next one finished", () => {
    const windowed = demo.incidents.filter((i) => i.service !== undefined && !i.causedByDeploymentId && !i.causedByCommitSha && !i.notCausedByChange);
    expect(windowed.length).toBeGreaterThan(3);
    const attributed = attributeIncidents(demo);
    for (const incident of windowed) expect(attributed.has(incident.id)).toBe(true);
  });

  test("builds: attempts, reruns of the same sha and plausible durations", () => {
    const byChain = new Map<string, Build[]>();
    for (const build of demo.builds) {
      expect(build.pipeline).toBe("ci");
      const minutes = (ms(build.finishedAt) - ms(build.startedAt)) / 60_000;
      expect(minutes).toBeGreaterThanOrEqual(5);
      expect(minutes).toBeLessThanOrEqual(20);
      expect(ms(build.queuedAt)).toBeLessThanOrEqual(ms(build.startedAt));
      const chain = build.id.replace(/-a\d$/, "");
      byChain.set(chain, [...(byChain.get(chain) ?? []), build]);
    }
    let reruns = 0;
    for (const attempts of byChain.values()) {
      attempts.sort((a, b) => (a.attempt ?? 1) - (b.attempt ?? 1));
      attempts.forEach((build, index) => {
        expect(build.attempt).toBe(index + 1);
        expect(build.commitSha).toBe(attempts[0]?.commitSha);
        if (index > 0) {
          reruns += 1;
          expect(attempts[index - 1]?.status).not.toBe("success");
          expect(ms(build.queuedAt)).toBeGreaterThan(ms(attempts[index - 1]?.finishedAt));
        }
      });
    }
    expect(reruns).toBeGreaterThan(100);
  });

  test("JUnit reports: one per build of three services, 20-40 tests each", () => {
    const reportServices = new Set(demo.builds.filter((b) => demo.reportByBuild.has(b.id)).map((b) => b.service));
    expect([...reportServices].sort()).toEqual(["checkout-web", "identity-api", "payments-api"]);
    for (const build of demo.builds) expect(demo.reportByBuild.has(build.id)).toBe(reportServices.has(build.service));
    for (const report of data.testReports) {
      expect(report.name).toBe("junit");
      const tests = new Set(report.executions.map((run) => testKey("", run)));
      expect(tests.size).toBeGreaterThanOrEqual(20);
      expect(tests.size).toBeLessThanOrEqual(40);
    }
    // A build's status follows its report: red when a test's last execution failed.
    for (const build of demo.builds) {
      const executions = demo.reportByBuild.get(build.id)?.executions;
      if (executions === undefined) continue;
      const last = new Map(executions.map((run) => [testKey("", run), run]));
      expect(build.status === "failure").toBe([...last.values()].some(failedStatus));
    }
  });
});

describe("generateDemo: flaky test stories", () => {
  const runs = runsByTest(demo);
  const story = (test: { service: string; suite: string; name: string; variant: string }): Run[] => runs.get(testKey(test.service, test)) ?? [];

  test("the costly flaky test blocks builds often, until now, and ranks first", () => {
    const flaky = [...runs.entries()].map(([key, list]) => ({ key, failures: flakyFailures(demo, list) }));
    flaky.sort((a, b) => b.failures.length - a.failures.length);
    const { costlyFlaky } = STORY_TESTS;
    expect(flaky[0]?.key).toBe(testKey(costlyFlaky.service, costlyFlaky));
    const failures = flaky[0]?.failures ?? [];
    expect(failures.length).toBeGreaterThan(60);
    // Blocking: the failure made attempt 1 red, and a rerun of the same sha passed.
    for (const failure of failures) {
      expect(failure.build.status).toBe("failure");
      expect(failure.build.attempt).toBe(1);
    }
    const last = Math.max(...failures.map((failure) => ms(failure.build.finishedAt)));
    expect(now - last).toBeLessThan(3 * DAY);
    // It gets worse: more flaky failures in the last 40 days than in the first 40.
    const inRange = (from: number, to: number): number => failures.filter((f) => ms(f.build.finishedAt) >= from && ms(f.build.finishedAt) < to).length;
    expect(inRange(now - 40 * DAY, now)).toBeGreaterThan(inRange(start, start + 40 * DAY));
  });

  // "Fixed" means no flaky failure in a window's last 20 runs over 14 days (product.md): a 1-in-33
  // flake alone leaves such a gap on some days, and the demo's minor flaky test would read as
  // fixed. It must not, up to today nor in the default view (full weeks up to this week's Monday).
  test.each([0, 1, 2, 3, 4, 5, 6, 13])("the minor flaky test flaked in the 14 days before now and before this week, on a demo made %i days later", (days) => {
    const later = now + days * DAY;
    const analysis = analyse(generateDemo({ now: new Date(later) }));
    const failures = flakyFailures(analysis, runsByTest(analysis).get(testKey(STORY_TESTS.rareFlaky.service, STORY_TESTS.rareFlaky)) ?? []);
    const times = failures.map((failure) => ms(failure.build.finishedAt));
    const monday = later - (((new Date(later).getUTCDay() + 6) % 7) * DAY + (later % DAY));
    expect(later - Math.max(...times)).toBeLessThan(14 * DAY);
    expect(monday - Math.max(...times.filter((t) => t < monday))).toBeLessThan(14 * DAY);
  });

  test("the payments webhook test was flaky for ~60 days, then fixed", () => {
    const all = story(STORY_TESTS.fixedFlaky);
    const failures = flakyFailures(demo, all);
    expect(failures.length).toBeGreaterThan(15);
    expect(all.filter((run) => failedStatus(run.execution))).toHaveLength(failures.length);
    const fixedAt = Math.max(...failures.map((failure) => ms(failure.build.finishedAt)));
    // The last flaky failure is on the last build before now - 60 days (a weekend may sit between).
    expect(fixedAt).toBeGreaterThan(now - 65 * DAY);
    expect(fixedAt).toBeLessThan(now - 59 * DAY);
    const after = all.filter((run) => ms(run.build.finishedAt) > fixedAt);
    expect(after.every((run) => run.execution.status === "passed")).toBe(true);
    expect(after.length).toBeGreaterThanOrEqual(20);
    const span = Math.max(...after.map((run) => ms(run.build.finishedAt))) - Math.min(...after.map((run) => ms(run.build.finishedAt)));
    expect(span).toBeGreaterThanOrEqual(14 * DAY);
  });

  test("a Surefire-style rerun inside one report of a passing build", () => {
    const retried = story(STORY_TESTS.inReportRetry).filter((run) => run.execution.retry === 1);
    expect(retried.filter((run) => run.build.status === "success").length).toBeGreaterThan(3);
    for (const run of retried) {
      expect(run.execution.status).toBe("passed");
      const report = demo.reportByBuild.get(run.build.id)?.executions ?? [];
      const first = report.find((e) => e.name === run.execution.name && e.suite === run.execution.suite && e.retry === 0);
      expect(first?.status).toBe("failed");
    }
  });

  test("the broken password test fails every attempt for a week, then passes", () => {
    const all = story(STORY_TESTS.broken);
    const failed = all.filter((run) => failedStatus(run.execution));
    expect(failed.length).toBeGreaterThan(3);
    const times = failed.map((run) => ms(run.build.finishedAt));
    const from = Math.min(...times);
    const to = Math.max(...times);
    expect(to - from).toBeGreaterThan(4 * DAY);
    expect(to - from).toBeLessThan(8 * DAY);
    const during = all.filter((run) => ms(run.build.finishedAt) >= from && ms(run.build.finishedAt) <= to);
    expect(during.every((run) => failedStatus(run.execution))).toBe(true);
    // Broken, not flaky: never passed on a sha where it failed, and at least one sha failed twice.
    expect(flakyFailures(demo, all)).toEqual([]);
    const failedShas = failed.map((run) => run.build.commitSha);
    expect(new Set(failedShas).size).toBeLessThan(failedShas.length);
    expect(all.some((run) => ms(run.build.finishedAt) > to && run.execution.status === "passed")).toBe(true);
  });

  test("exactly one build attempt is an infrastructure outage", () => {
    const outages = demo.builds.filter((build) => isOutage(demo, build));
    expect(outages).toHaveLength(1);
    expect(outages[0]?.service).toBe("checkout-web");
    const rerun = demo.builds.find((b) => b.commitSha === outages[0]?.commitSha && b.attempt === 2);
    expect(rerun?.status).toBe("success");
  });
});

describe("generateDemo: team stories", () => {
  const list = classifiedChanges(demo);

  test("Payments spends ~30% on debt, Checkout ~8% (target 20%)", () => {
    expect(share(list, "payments", "debt")).toBeGreaterThan(0.25);
    expect(share(list, "payments", "debt")).toBeLessThan(0.36);
    expect(share(list, "checkout", "debt")).toBeGreaterThan(0.05);
    expect(share(list, "checkout", "debt")).toBeLessThan(0.11);
    expect(data.teams.find((team) => team.slug === "payments")?.debtTarget).toBeUndefined();
  });

  test("Payments' hours lost fall over the window, Checkout's rise", () => {
    const first = (team: string): number => hoursLost(demo, team, start, start + 40 * DAY);
    const last = (team: string): number => hoursLost(demo, team, now - 40 * DAY, now);
    expect(first("payments")).toBeGreaterThan(1.5 * last("payments"));
    expect(last("checkout")).toBeGreaterThan(1.5 * first("checkout"));
  });

  test("Platform slipped in the last full week before now", () => {
    const failed = failedDeployments(demo);
    const monday = Date.parse("2026-11-16T00:00:00Z");
    const platformFailures = (from: number): number =>
      demo.production.filter(
        (d) => demo.teamOf.get(d.service) === "platform" && failed.has(d.id) && ms(d.finishedAt) >= from && ms(d.finishedAt) < from + 7 * DAY,
      ).length;
    const slipWeek = monday - 7 * DAY;
    expect(platformFailures(slipWeek)).toBeGreaterThanOrEqual(5);
    expect(platformFailures(slipWeek - 7 * DAY)).toBe(0);
    for (let week = slipWeek - 14 * DAY; week > start; week -= 7 * DAY) {
      expect(platformFailures(week)).toBeLessThan(platformFailures(slipWeek));
    }
    const incidents = demo.incidents.filter((i) => demo.teamOf.get(i.service ?? "") === "platform" && ms(i.openedAt) >= slipWeek && ms(i.openedAt) < monday);
    expect(incidents.length).toBeGreaterThanOrEqual(2);
    const failedAttempts = demo.deployments.filter(
      (d) => demo.teamOf.get(d.service) === "platform" && d.status === "failure" && ms(d.finishedAt) >= slipWeek && ms(d.finishedAt) < monday,
    );
    expect(failedAttempts.length).toBeGreaterThanOrEqual(2);
  });

  // The Executive view names the team whose last full week rose furthest above its own weekly
  // average over the 12 weeks before (web/src/features/costs/teamsLastWeek.ts). Checkout's rising
  // failures are random: on some days its last week rose further than Platform's forced slip.
  test.each([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])(
    "Platform is the team that slipped furthest above its average, on a demo made %i days later",
    (days) => {
      const when = now + days * DAY + ((days * 7) % 24) * HOUR;
      const later = analyse(generateDemo({ now: new Date(when) }));
      const monday = Date.parse(`${new Date(when - ((new Date(when).getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10)}T00:00:00Z`);
      const lastWeek = monday - 7 * DAY;
      const aboveAverage = (team: string): number => {
        const earlier = Array.from({ length: 12 }, (_, i) => hoursLost(later, team, lastWeek - (i + 1) * 7 * DAY, lastWeek - i * 7 * DAY));
        return hoursLost(later, team, lastWeek, monday) - earlier.reduce((a, b) => a + b, 0) / earlier.length;
      };
      const platform = aboveAverage("platform");
      expect(platform).toBeGreaterThan(aboveAverage("checkout"));
      expect(platform).toBeGreaterThan(aboveAverage("payments"));
    },
  );

  test("the stories hold for another seed too", () => {
    const other = analyse(generateDemo({ now: NOW, seed: 42 }));
    const otherList = classifiedChanges(other);
    expect(share(otherList, "payments", "debt")).toBeGreaterThan(0.25);
    expect(share(otherList, "checkout", "debt")).toBeLessThan(0.11);
    expect(hoursLost(other, "payments", start, start + 40 * DAY)).toBeGreaterThan(hoursLost(other, "payments", now - 40 * DAY, now));
    expect(hoursLost(other, "checkout", now - 40 * DAY, now)).toBeGreaterThan(hoursLost(other, "checkout", start, start + 40 * DAY));
    expect(other.builds.filter((build) => isOutage(other, build))).toHaveLength(1);
  });
});
