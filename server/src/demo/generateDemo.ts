// The demo data set: 120 days of a three-team organisation, as the ingestion events and JUnit
// executions a real one would send. Pure and deterministic: the same `now` and seed give the
// same data, so the demo looks the same on every first start. The story is in docs/demo.md.
import type { AnyEventInput } from "@keel/shared";
import type { TestExecution } from "../ingest/junit/types.ts";
import { iso, makeCalendar } from "./calendar.ts";
import { SERVICES, TEAMS } from "./catalog.ts";
import type { BuildChainDraft, CommitDraft, DemoDrafts, DeploymentDraft, IncidentDraft, PendingChangeDraft } from "./drafts.ts";
import { addStoryIncidents } from "./incidents.ts";
import { prTimes } from "./prTimes.ts";
import { Random } from "./random.ts";
import { ServiceTimeline } from "./timeline.ts";

export interface DemoTeam {
  slug: string;
  name: string;
  size: number | null;
  debtTarget?: number;
}

export interface DemoService {
  slug: string;
  name: string;
  /** Team slug. */
  team: string;
  repository: string;
}

export interface DemoTestReport {
  buildId: string;
  name: string;
  executions: TestExecution[];
}

export interface DemoData {
  teams: DemoTeam[];
  services: DemoService[];
  events: AnyEventInput[];
  testReports: DemoTestReport[];
}

export const DEFAULT_DEMO_SEED = 20261121;

function pad(value: number): string {
  return String(value).padStart(4, "0");
}

/** Ids in chronological order: dep-<service>-0001, inc-0001, build-<service>-0001-a1. */
function assignIds(drafts: DemoDrafts): Map<BuildChainDraft, number> {
  for (const service of SERVICES) {
    drafts.deployments
      .filter((deployment) => deployment.service === service)
      .sort((a, b) => a.finishedAt - b.finishedAt)
      .forEach((deployment, index) => {
        deployment.id = `dep-${service.slug}-${pad(index + 1)}`;
      });
  }
  [...drafts.incidents]
    .sort((a, b) => a.openedAt - b.openedAt)
    .forEach((incident, index) => {
      incident.id = `inc-${pad(index + 1)}`;
    });
  const runs = new Map<BuildChainDraft, number>();
  for (const service of SERVICES) {
    drafts.builds
      .filter((chain) => chain.service === service)
      .sort((a, b) => (a.attempts[0]?.queuedAt ?? 0) - (b.attempts[0]?.queuedAt ?? 0))
      .forEach((chain, index) => runs.set(chain, index + 1));
  }
  return runs;
}

function buildId(chain: BuildChainDraft, run: number, attempt: number): string {
  return `build-${chain.service.slug}-${pad(run)}-a${attempt}`;
}

function commitEvent(commit: CommitDraft) {
  const pr = prTimes(commit);
  return {
    sha: commit.sha,
    committedAt: iso(commit.committedAt),
    ...(commit.authoredAt !== undefined ? { authoredAt: iso(commit.authoredAt) } : {}),
    ...(commit.message !== undefined ? { message: commit.message } : {}),
    ...(commit.prNumber !== undefined ? { prNumber: commit.prNumber } : {}),
    ...(pr ? { prOpenedAt: iso(pr.prOpenedAt) } : {}),
    ...(pr?.prFirstReviewAt !== undefined ? { prFirstReviewAt: iso(pr.prFirstReviewAt) } : {}),
    ...(commit.prMergedAt !== undefined ? { prMergedAt: iso(commit.prMergedAt) } : {}),
    ...(commit.category !== undefined ? { category: commit.category } : {}),
    ...(commit.labels !== undefined ? { labels: [...commit.labels] } : {}),
  };
}

function deploymentEvent(deployment: DeploymentDraft): AnyEventInput {
  const { service } = deployment;
  return {
    type: "deployment",
    id: deployment.id,
    service: service.slug,
    environment: deployment.environment,
    status: deployment.status,
    startedAt: iso(deployment.startedAt),
    finishedAt: iso(deployment.finishedAt),
    commitSha: deployment.commitSha,
    repository: service.repository,
    team: service.team.slug,
    ...(deployment.commits !== undefined ? { commits: deployment.commits.map(commitEvent) } : {}),
    kind: deployment.kind,
    ...(deployment.rollbackOf !== undefined ? { rollbackOfDeploymentId: deployment.rollbackOf.id } : {}),
    ...(deployment.remediates !== undefined ? { remediatesIncidentId: deployment.remediates.id } : {}),
    url: `https://github.com/${service.repository}/deployments/${deployment.id}`,
  };
}

function incidentEvent(incident: IncidentDraft): AnyEventInput {
  return {
    type: "incident",
    id: incident.id,
    ...(incident.service !== undefined ? { service: incident.service.slug } : {}),
    severity: incident.severity,
    title: incident.title,
    openedAt: iso(incident.openedAt),
    ...(incident.acknowledgedAt !== undefined ? { acknowledgedAt: iso(incident.acknowledgedAt) } : {}),
    ...(incident.resolvedAt !== undefined ? { resolvedAt: iso(incident.resolvedAt) } : {}),
    ...(incident.causedBy !== undefined ? { causedByDeploymentId: incident.causedBy.id } : {}),
    ...(incident.causedByCommitSha !== undefined ? { causedByCommitSha: incident.causedByCommitSha } : {}),
    ...(incident.notCausedByChange === true ? { notCausedByChange: true } : {}),
    ...(incident.responders !== undefined ? { responders: incident.responders } : {}),
    url: `https://acme.pagerduty.com/incidents/${incident.id.toUpperCase()}`,
  };
}

function changeEvent(pending: PendingChangeDraft): AnyEventInput {
  const { commit, service } = pending;
  return {
    type: "change",
    sha: commit.sha,
    repository: service.repository,
    service: service.slug,
    committedAt: iso(commit.committedAt),
    ...(commit.authoredAt !== undefined ? { authoredAt: iso(commit.authoredAt) } : {}),
    ...(commit.prNumber !== undefined ? { prNumber: commit.prNumber, prOpenedAt: iso(pending.prOpenedAt) } : {}),
    ...(commit.prMergedAt !== undefined ? { prMergedAt: iso(commit.prMergedAt) } : {}),
    ...(commit.category !== undefined ? { category: commit.category } : {}),
    ...(commit.labels !== undefined ? { labels: [...commit.labels] } : {}),
    ...(commit.message !== undefined ? { title: commit.message } : {}),
  };
}

interface Timed {
  at: number;
  event: AnyEventInput;
}

export function generateDemo(options: { now: Date; seed?: number }): DemoData {
  const now = options.now.getTime();
  if (!Number.isFinite(now)) throw new Error("generateDemo needs a valid `now`");
  const cal = makeCalendar(now);
  const rng = new Random(options.seed ?? DEFAULT_DEMO_SEED);
  const drafts: DemoDrafts = { deployments: [], incidents: [], builds: [], pendingChanges: [] };
  for (const service of SERVICES) new ServiceTimeline(rng.fork(service.slug), cal, service, drafts).run();
  addStoryIncidents(rng.fork("story-incidents"), cal, drafts);
  const runs = assignIds(drafts);

  const timed: Timed[] = [];
  for (const deployment of drafts.deployments) timed.push({ at: deployment.finishedAt, event: deploymentEvent(deployment) });
  for (const incident of drafts.incidents) timed.push({ at: incident.openedAt, event: incidentEvent(incident) });
  for (const pending of drafts.pendingChanges) timed.push({ at: pending.commit.committedAt, event: changeEvent(pending) });

  const reports: { at: number; report: DemoTestReport }[] = [];
  for (const chain of drafts.builds) {
    const run = runs.get(chain) ?? 0;
    for (const attempt of chain.attempts) {
      const id = buildId(chain, run, attempt.attempt);
      timed.push({
        at: attempt.finishedAt,
        event: {
          type: "build",
          id,
          pipeline: "ci",
          service: chain.service.slug,
          repository: chain.service.repository,
          commitSha: chain.sha,
          branch: chain.branch,
          trigger: chain.trigger,
          attempt: attempt.attempt,
          status: attempt.status,
          queuedAt: iso(attempt.queuedAt),
          startedAt: iso(attempt.startedAt),
          finishedAt: iso(attempt.finishedAt),
          url: `https://github.com/${chain.service.repository}/actions/runs/${run}/attempts/${attempt.attempt}`,
        },
      });
      if (attempt.executions !== undefined) {
        reports.push({ at: attempt.finishedAt, report: { buildId: id, name: "junit", executions: attempt.executions } });
      }
    }
  }

  // Chronological, so a loader replaying them in order never references what does not exist yet.
  timed.sort((a, b) => a.at - b.at);
  reports.sort((a, b) => a.at - b.at);
  return {
    teams: TEAMS.map((team) => ({
      slug: team.slug,
      name: team.name,
      size: team.size,
      ...(team.debtTarget !== undefined ? { debtTarget: team.debtTarget } : {}),
    })),
    services: SERVICES.map((service) => ({
      slug: service.slug,
      name: service.name,
      team: service.team.slug,
      repository: service.repository,
    })),
    events: timed.map((entry) => entry.event),
    testReports: reports.map((entry) => entry.report),
  };
}
