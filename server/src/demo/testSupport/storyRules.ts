// The product's rules the demo's stories are checked against, restated independently of the code
// under test (so a bug there cannot hide a broken story): investment classification, change
// failure attribution, flaky failures and outages, and hours lost with the cost model's defaults.
import { DAY_MS, HOUR_MS } from "@keel/shared/calendar";
import type { TestExecution } from "../../ingest/junit/types.ts";
import { type Analysis, type Build, type Deployment, ms } from "./demoData.ts";

// --- investment: the product's classification rules, restated independently -----------------

export type Category = "feature" | "debt" | "bug" | "unplanned" | "other";
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

export interface ClassifiedChange {
  sha: string;
  team: string;
  category: Category;
  source: string;
}

export function classifiedChanges(analysis: Analysis): ClassifiedChange[] {
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

export function share(list: readonly ClassifiedChange[], team: string, category: Category): number {
  const mine = list.filter((change) => change.team === team);
  return mine.filter((change) => change.category === category).length / mine.length;
}

// --- change failures: the product's attribution rules, restated ------------------------------

/** Incident id -> the deployment it is attributed to (explicit, by commit, or by time window). */
export function attributeIncidents(analysis: Analysis): Map<string, Deployment> {
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
      if (cause !== undefined && opened - ms(cause.finishedAt) > 7 * DAY_MS) cause = undefined;
    }
    if (cause !== undefined) attributed.set(incident.id, cause);
  }
  return attributed;
}

export function failedDeployments(analysis: Analysis): Set<string> {
  const failed = new Set<string>();
  for (const cause of attributeIncidents(analysis).values()) failed.add(cause.id);
  for (const deployment of analysis.production) if (deployment.rollbackOfDeploymentId) failed.add(deployment.rollbackOfDeploymentId);
  return failed;
}

// --- flaky tests ----------------------------------------------------------------------------

export const testKey = (service: string, run: Pick<TestExecution, "suite" | "name" | "variant">): string =>
  [service, run.suite, run.name, run.variant].join("|");

export interface Run {
  build: Build;
  execution: TestExecution;
}

/** Every execution with its build, grouped by test. */
export function runsByTest(analysis: Analysis): Map<string, Run[]> {
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

export const failedStatus = (execution: TestExecution): boolean => execution.status === "failed" || execution.status === "error";

export function isOutage(analysis: Analysis, build: Build): boolean {
  const executions = analysis.reportByBuild.get(build.id)?.executions ?? [];
  return executions.length > 0 && executions.filter(failedStatus).length / executions.length > 0.5;
}

/** Failed executions of a test on a sha where it also passed, outside outages. */
export function flakyFailures(analysis: Analysis, runs: readonly Run[]): Run[] {
  const passedOn = new Set(runs.filter((run) => run.execution.status === "passed").map((run) => run.build.commitSha));
  return runs.filter((run) => failedStatus(run.execution) && passedOn.has(run.build.commitSha) && !isOutage(analysis, run.build));
}

// --- hours lost, approximated with the cost model's defaults ---------------------------------

function cappedHours(openedAt: number, resolvedAt: number): number {
  let hours = 0;
  for (let day = Math.floor(openedAt / DAY_MS) * DAY_MS; day < resolvedAt; day += DAY_MS) {
    hours += Math.min(8, (Math.min(resolvedAt, day + DAY_MS) - Math.max(openedAt, day)) / HOUR_MS);
  }
  return hours;
}

export function hoursLost(analysis: Analysis, team: string, from: number, to: number): number {
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
      hours += 23 / 60 + (0.5 * rerunMs) / HOUR_MS;
    }
  }
  return hours;
}
