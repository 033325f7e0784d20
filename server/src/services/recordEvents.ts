// Ingestion of validated events (REST v1, the CLI, the demo, webhook adapters). One batch is one
// transaction: all of it is stored, or none. Each event is kept as a raw event; an identical
// resend is counted as unchanged and touches nothing.
import type {
  AnyEventData,
  BuildEventData,
  ChangeEventData,
  DeploymentEventData,
  IncidentEventData,
} from "@keel/shared";
import type { Db } from "../db/client.ts";
import type { Tx } from "../db/types.ts";
import { eventDedupeKey } from "./events/eventKey.ts";
import { resolveNames, type NameIds } from "./events/resolveNames.ts";
import { linkChangesToDeployments, upsertChanges, type ChangeInput } from "./events/upsertChanges.ts";
import { upsertById } from "./events/upsertById.ts";
import {
  buildColumns,
  bulkInsert,
  deploymentChangeColumns,
  deploymentColumns,
  incidentColumns,
  rawEventColumns,
} from "../db/queries/bulkInsert.ts";

export interface RecordResult {
  accepted: number;
  created: number;
  updated: number;
  unchanged: number;
}

const date = (value: string | undefined): Date | undefined => (value === undefined ? undefined : new Date(value));
/** Raw inserts set what Prisma's client would: createdAt and @updatedAt. */
const stamped = <T extends object>(row: T) => {
  const now = new Date();
  return { ...row, createdAt: now, updatedAt: now };
};

export async function recordEvents(input: { db: Db; events: AnyEventData[]; source: string }): Promise<RecordResult> {
  const { db, events, source } = input;
  return db.$transaction(
    async (tx) => {
      const keys = events.map(eventDedupeKey);
      const seen = new Set(
        (await tx.rawEvent.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((r) => r.dedupeKey),
      );
      const fresh: AnyEventData[] = [];
      const freshKeys: string[] = [];
      events.forEach((event, i) => {
        const key = keys[i] as string;
        if (seen.has(key)) return;
        seen.add(key);
        fresh.push(event);
        freshKeys.push(key);
      });
      if (fresh.length === 0) return { accepted: events.length, created: 0, updated: 0, unchanged: events.length };
      const now = new Date();
      await bulkInsert(
        tx,
        "RawEvent",
        rawEventColumns,
        fresh.map((event, i) => ({ source, kind: event.type, dedupeKey: freshKeys[i], payload: event, receivedAt: now, processedAt: now })),
      );
      const counts = await applyEvents(tx, fresh);
      return { accepted: events.length, ...counts, unchanged: events.length - counts.created - counts.updated };
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
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

  const results = [
    await recordDeployments(tx, names, deployments),
    await recordChanges(tx, names, changes),
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
    startedAt: date(d.startedAt) ?? null,
    finishedAt: new Date(d.finishedAt),
    commitSha: d.commitSha ?? d.commits?.at(-1)?.sha ?? null,
    repository: d.repository ?? null,
    kind: d.kind,
    rollbackOfDeploymentId: d.rollbackOfDeploymentId ?? null,
    remediatesIncidentId: d.remediatesIncidentId ?? null,
    url: d.url ?? null,
  }));
  const counts = await upsertById(
    rows,
    (ids) => tx.deployment.findMany({ where: { id: { in: ids } }, select: { id: true } }),
    (fresh) => bulkInsert(tx, "Deployment", deploymentColumns, fresh.map(stamped)),
    ({ id, ...data }) => tx.deployment.update({ where: { id }, data }),
  );

  // The changes each deployment shipped: its commits, or the change its commitSha names.
  const commitInputs: ChangeInput[] = [];
  const owners: string[] = [];
  for (const d of events) {
    const serviceId = names.service(d.service);
    const repository = d.repository ?? names.serviceRepository(d.service) ?? "";
    for (const c of d.commits ?? []) {
      commitInputs.push({
        sha: c.sha,
        repository,
        serviceId,
        committedAt: new Date(c.committedAt),
        authoredAt: date(c.authoredAt),
        prNumber: c.prNumber,
        prMergedAt: date(c.prMergedAt),
        category: c.category,
        labels: c.labels,
        title: c.message?.split("\n", 1)[0],
      });
      owners.push(d.id);
    }
  }
  const { ids } = await upsertChanges(tx, commitInputs);
  const links = ids.map((changeId, i) => ({ deploymentId: owners[i] as string, changeId }));
  const bareShas = events.filter((d) => !d.commits?.length && d.commitSha);
  if (bareShas.length) {
    const known = await tx.change.findMany({
      where: { sha: { in: bareShas.map((d) => d.commitSha as string) } },
      select: { id: true, sha: true, serviceId: true },
    });
    for (const d of bareShas) {
      const serviceId = names.service(d.service);
      for (const c of known) {
        if (c.sha === d.commitSha && (c.serviceId === null || c.serviceId === serviceId)) links.push({ deploymentId: d.id, changeId: c.id });
      }
    }
  }
  await bulkInsert(tx, "DeploymentChange", deploymentChangeColumns, links, { onConflictDoNothing: true });
  return counts;
}

async function recordChanges(tx: Tx, names: NameIds, events: ChangeEventData[]) {
  const { ids, created, updated } = await upsertChanges(
    tx,
    events.map((c) => ({
      sha: c.sha,
      repository: c.repository ?? (c.service ? names.serviceRepository(c.service) : null) ?? "",
      serviceId: c.service ? names.service(c.service) : null,
      committedAt: new Date(c.committedAt),
      authoredAt: date(c.authoredAt),
      prNumber: c.prNumber,
      prOpenedAt: date(c.prOpenedAt),
      prMergedAt: date(c.prMergedAt),
      category: c.category,
      labels: c.labels,
      title: c.title,
    })),
  );
  await linkChangesToDeployments(tx, ids);
  return { created, updated };
}

async function recordIncidents(tx: Tx, names: NameIds, events: IncidentEventData[]) {
  const rows = events.map((i) => ({
    id: i.id,
    serviceId: i.service ? names.service(i.service) : null,
    severity: i.severity ?? null,
    title: i.title ?? null,
    openedAt: new Date(i.openedAt),
    acknowledgedAt: date(i.acknowledgedAt) ?? null,
    resolvedAt: date(i.resolvedAt) ?? null,
    causedByDeploymentId: i.causedByDeploymentId ?? null,
    causedByCommitSha: i.causedByCommitSha ?? null,
    notCausedByChange: i.notCausedByChange ?? false,
    responders: i.responders ?? null,
    url: i.url ?? null,
  }));
  return upsertById(
    rows,
    (ids) => tx.incident.findMany({ where: { id: { in: ids } }, select: { id: true } }),
    (fresh) => bulkInsert(tx, "Incident", incidentColumns, fresh.map(stamped)),
    ({ id, ...data }) => tx.incident.update({ where: { id }, data }),
  );
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
    queuedAt: date(b.queuedAt) ?? null,
    startedAt: new Date(b.startedAt),
    finishedAt: new Date(b.finishedAt),
    url: b.url ?? null,
  }));
  return upsertById(
    rows,
    (ids) => tx.build.findMany({ where: { id: { in: ids } }, select: { id: true } }),
    (fresh) => bulkInsert(tx, "Build", buildColumns, fresh.map(stamped)),
    ({ id, ...data }) => tx.build.update({ where: { id }, data }),
  );
}
