// Ingestion of validated events (REST v1, the CLI, the demo, webhook adapters). One batch is one
// transaction: all of it is stored, or none. Each event is kept as a raw event; a resend identical
// to the latest version of its event is counted as unchanged and touches nothing, and so is a
// late webhook delivery whose vendor time is before the stored version's (db/queries/eventStates.ts).
import type { AnyEventData, BuildEventData, ChangeEventData, DeploymentEventData, IncidentEventData } from "@keel/shared";
import type { Db } from "../db/client.ts";
import type { Tx } from "../db/types.ts";
import { withConflictRetry } from "../db/retry.ts";
import { eventHash, eventStateKey } from "./events/eventKey.ts";
import { instant } from "./events/instant.ts";
import { revertedSha } from "../ingest/mapResult.ts";
import { resolveNames, type NameIds } from "./events/resolveNames.ts";
import { upsertChanges, type ChangeInput } from "./events/upsertChanges.ts";
import { buildColumns, deploymentColumns, incidentColumns } from "../db/queries/bulkInsert.ts";
import { writeDeploymentLinks } from "../db/queries/deploymentLinks.ts";
import { advanceEventStates, type EventVersion } from "../db/queries/eventStates.ts";
import { insertNewRawEvents } from "../db/queries/rawEvents.ts";
import { upsertRows } from "../db/queries/upsertRows.ts";
import { recordEventsIngested } from "./signals.ts";

export interface RecordResult {
  accepted: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** Raw inserts set what Prisma's client would: createdAt and @updatedAt. */
const stamped = <T extends object>(row: T) => {
  const now = new Date().toISOString();
  return { ...row, createdAt: now, updatedAt: now };
};

/** Within one batch the last event for an id wins (an upsert cannot touch one row twice). */
const latestById = <Row extends { id: string }>(rows: Row[]): Row[] => [...new Map(rows.map((row) => [row.id, row])).values()];

export interface RecordInput {
  db: Db;
  events: AnyEventData[];
  source: string;
  /** The vendor's own time of these events (a webhook delivery's); later times win, whatever the arrival order. */
  occurredAt?: string | undefined;
}

export async function recordEvents(input: RecordInput): Promise<RecordResult> {
  const { db, events, source } = input;
  const occurredAt = input.occurredAt ?? null;
  // A deadlock or serialization failure against a concurrent batch, or a unique violation from
  // both inserting the same new change, runs the batch again (db/retry.ts): a client never sees one.
  const result = await withConflictRetry(
    () =>
      db.$transaction(
        async (tx) => {
          // Each event's version; within a batch the last one sent for an event is the one it ends at.
          const latest = new Map<string, EventVersion & { event: AnyEventData }>();
          const raw = new Map<string, AnyEventData>();
          for (const event of events) {
            const version = { key: eventStateKey(event), hash: eventHash(event), occurredAt, event };
            latest.delete(version.key);
            latest.set(version.key, version);
            // The first of identical events in a batch is the one kept as a raw event.
            const dedupeKey = `${version.key}:${version.hash}`;
            if (!raw.has(dedupeKey)) raw.set(dedupeKey, event);
          }
          const now = new Date().toISOString();
          await insertNewRawEvents(
            tx,
            [...raw].map(([dedupeKey, event]) => ({ source, kind: event.type, dedupeKey, payload: event, receivedAt: now, processedAt: now })),
          );
          const applied = await advanceEventStates(
            tx,
            [...latest.values()].map(({ key, hash }) => ({ key, hash, occurredAt })),
          );
          const fresh = [...latest.values()].filter((v) => applied.has(v.key)).map((v) => v.event);
          if (fresh.length === 0) return { accepted: events.length, created: 0, updated: 0, unchanged: events.length };
          const counts = await applyEvents(tx, fresh);
          return { accepted: events.length, ...counts, unchanged: events.length - counts.created - counts.updated };
        },
        { timeout: 120_000, maxWait: 60_000 },
      ),
    { uniqueViolations: true },
  );
  recordEventsIngested(
    db,
    events.map((event) => event.type),
  );
  return result;
}

async function applyEvents(tx: Tx, events: AnyEventData[]): Promise<{ created: number; updated: number }> {
  const deployments = events.filter((e): e is DeploymentEventData & { type: "deployment" } => e.type === "deployment");
  const changes = events.filter((e): e is ChangeEventData & { type: "change" } => e.type === "change");
  const incidents = events.filter((e): e is IncidentEventData & { type: "incident" } => e.type === "incident");
  const builds = events.filter((e): e is BuildEventData & { type: "build" } => e.type === "build");

  const serviceTeams = new Map<string, string>();
  for (const d of deployments) if (d.team) serviceTeams.set(d.service, d.team);
  const names = await resolveNames(tx, {
    services: [...deployments, ...changes, ...incidents, ...builds].flatMap((e) => (e.service ? [e.service] : [])),
    environments: deployments.map((d) => d.environment),
    teams: serviceTeams.values(),
    serviceTeams,
  });

  const deployed = await recordDeployments(tx, names, deployments);
  // Every change the batch names in one pass: the deployments' commits first (part of their
  // deployment, so not counted), then change events.
  const commits = deployed.commitInputs.length;
  const changed = await upsertChanges(tx, [...deployed.commitInputs, ...changeInputs(names, changes)], commits);
  await writeDeploymentLinks(tx, {
    links: changed.ids.slice(0, commits).map((changeId, i) => ({ deploymentId: deployed.owners[i] as string, changeId })),
    // A change event may be the commitSha of a deployment stored before it,
    changeIds: [...new Set(changed.ids.slice(commits))],
    // and a deployment may name, by commitSha, a change stored before it (whether or not it also
    // lists commits: the links must not depend on which arrived first).
    deploymentIds: deployments.filter((d) => d.commitSha).map((d) => d.id),
    // A deployment that lists its commits replaces its earlier list (one without `commits` is a
    // status update and keeps it).
    replacedDeploymentIds: latestById(deployments)
      .filter((d) => d.commits !== undefined)
      .map((d) => d.id),
  });
  const results = [
    deployed.counts,
    { created: changed.created, updated: changed.updated },
    await recordIncidents(tx, names, incidents),
    await recordBuilds(tx, names, builds),
  ];
  return {
    created: results.reduce((n, r) => n + r.created, 0),
    // Updates of changes that a deployment's `commits` carried are part of that deployment, not events.
    updated: results.reduce((n, r) => n + r.updated, 0),
  };
}

async function recordDeployments(tx: Tx, names: NameIds, events: DeploymentEventData[]) {
  const rows = events.map((d) => ({
    id: d.id,
    serviceId: names.service(d.service),
    environmentId: names.environment(d.environment),
    teamId: d.team ? names.team(d.team) : null,
    status: d.status,
    startedAt: instant(d.startedAt) ?? null,
    finishedAt: instant(d.finishedAt),
    commitSha: d.commitSha ?? d.commits?.at(-1)?.sha ?? null,
    repository: d.repository ?? null,
    kind: d.kind,
    rollbackOfDeploymentId: d.rollbackOfDeploymentId ?? null,
    remediatesIncidentId: d.remediatesIncidentId ?? null,
    url: d.url ?? null,
  }));
  const counts = await upsertRows(tx, "Deployment", deploymentColumns, latestById(rows).map(stamped));

  // The changes each deployment's commits name, in order, with the deployment each belongs to.
  // Only the batch's last version of a deployment counts, as for its row.
  const commitInputs: ChangeInput[] = [];
  const owners: string[] = [];
  for (const d of latestById(events)) {
    const serviceId = names.service(d.service);
    const repository = d.repository ?? names.serviceRepository(d.service) ?? "";
    for (const c of d.commits ?? []) {
      commitInputs.push({
        sha: c.sha,
        repository,
        serviceId,
        committedAt: instant(c.committedAt),
        authoredAt: instant(c.authoredAt),
        prNumber: c.prNumber,
        prOpenedAt: instant(c.prOpenedAt),
        prFirstReviewAt: instant(c.prFirstReviewAt),
        prMergedAt: instant(c.prMergedAt),
        category: c.category,
        labels: c.labels,
        title: c.message?.split("\n", 1)[0],
        revertsSha: c.revertsSha ?? revertedSha(c.message),
      });
      owners.push(d.id);
    }
  }
  return { counts, commitInputs, owners };
}

function changeInputs(names: NameIds, events: ChangeEventData[]): ChangeInput[] {
  return events.map((c) => ({
    sha: c.sha,
    repository: c.repository ?? (c.service ? names.serviceRepository(c.service) : null) ?? "",
    serviceId: c.service ? names.service(c.service) : null,
    committedAt: instant(c.committedAt),
    authoredAt: instant(c.authoredAt),
    prNumber: c.prNumber,
    prOpenedAt: instant(c.prOpenedAt),
    prMergedAt: instant(c.prMergedAt),
    prFirstReviewAt: instant(c.prFirstReviewAt),
    revertsSha: c.revertsSha,
    category: c.category,
    labels: c.labels,
    title: c.title,
  }));
}

async function recordIncidents(tx: Tx, names: NameIds, events: IncidentEventData[]) {
  const rows = events.map((i) => ({
    id: i.id,
    serviceId: i.service ? names.service(i.service) : null,
    severity: i.severity ?? null,
    title: i.title ?? null,
    openedAt: instant(i.openedAt),
    acknowledgedAt: instant(i.acknowledgedAt) ?? null,
    resolvedAt: instant(i.resolvedAt) ?? null,
    causedByDeploymentId: i.causedByDeploymentId ?? null,
    causedByCommitSha: i.causedByCommitSha ?? null,
    notCausedByChange: i.notCausedByChange ?? false,
    responders: i.responders ?? null,
    url: i.url ?? null,
  }));
  return upsertRows(tx, "Incident", incidentColumns, latestById(rows).map(stamped));
}

async function recordBuilds(tx: Tx, names: NameIds, events: BuildEventData[]) {
  const rows = events.map((b) => ({
    id: b.id,
    pipeline: b.pipeline,
    serviceId: b.service ? names.service(b.service) : null,
    repository: b.repository ?? null,
    commitSha: b.commitSha,
    branch: b.branch ?? null,
    trigger: b.trigger ?? null,
    attempt: b.attempt,
    status: b.status,
    queuedAt: instant(b.queuedAt) ?? null,
    startedAt: instant(b.startedAt),
    finishedAt: instant(b.finishedAt),
    url: b.url ?? null,
  }));
  return upsertRows(tx, "Build", buildColumns, latestById(rows).map(stamped));
}
