// The floor of the ingestion benchmark (server/bench/ingest.ts): the rows ingestion writes for a
// batch of events, written by bare multi-row INSERT ... VALUES statements, one per table, in one
// transaction per batch. No HTTP, no validation, no dedupe lookups, no ORM: what the database
// itself costs. Statements are plain { text, values } for the pg driver and PGlite alike.
import { randomUUID } from "node:crypto";
import type { AnyEventData } from "@keel/shared";

export interface Statement {
  text: string;
  values: unknown[];
}

/** What earlier batches wrote, so later ones refer to the same rows. */
export interface FloorState {
  services: Map<string, string>;
  teams: Map<string, string>;
  environments: Map<string, string>;
  /** `repository@sha` → Change id. */
  changes: Map<string, string>;
}

export function newFloorState(): FloorState {
  return { services: new Map(), teams: new Map(), environments: new Map(), changes: new Map() };
}

const quote = (identifier: string) => `"${identifier}"`;

/** INSERT INTO table (columns) VALUES ($1, ...), (...) [suffix]; nothing for no rows. */
function insert(table: string, columns: string[], rows: unknown[][], suffix = ""): Statement[] {
  if (rows.length === 0) return [];
  const values: unknown[] = [];
  const tuples = rows.map((row) => `(${row.map((value) => `$${values.push(value)}`).join(", ")})`);
  return [{ text: `INSERT INTO ${quote(table)} (${columns.map(quote).join(", ")}) VALUES ${tuples.join(", ")} ${suffix}`, values }];
}

/** Teams, services and environments, once before the batches (ingestion creates them on first sight). */
export function floorNames(events: AnyEventData[], state: FloorState): Statement[] {
  const now = new Date().toISOString();
  const serviceTeams = new Map<string, string | undefined>();
  for (const e of events) {
    if ((e.type === "deployment" || e.type === "change" || e.type === "incident" || e.type === "build") && e.service) {
      serviceTeams.set(e.service, e.type === "deployment" ? (e.team ?? serviceTeams.get(e.service)) : serviceTeams.get(e.service));
    }
    if (e.type === "deployment" && !state.environments.has(e.environment)) state.environments.set(e.environment, randomUUID());
  }
  for (const team of new Set(serviceTeams.values())) if (team && !state.teams.has(team)) state.teams.set(team, randomUUID());
  for (const service of serviceTeams.keys()) if (!state.services.has(service)) state.services.set(service, randomUUID());
  return [
    ...insert(
      "Team",
      ["id", "slug", "name", "createdAt"],
      [...state.teams].map(([slug, id]) => [id, slug, slug, now]),
    ),
    ...insert(
      "Environment",
      ["id", "name"],
      [...state.environments].map(([name, id]) => [id, name]),
    ),
    ...insert(
      "Service",
      ["id", "slug", "name", "teamId", "createdAt"],
      [...state.services].map(([slug, id]) => {
        const team = serviceTeams.get(slug);
        return [id, slug, slug, team ? state.teams.get(team) : null, now];
      }),
    ),
  ];
}

/** One batch's rows: raw events, deployments, changes, links, incidents, builds. */
export function floorBatch(events: AnyEventData[], state: FloorState, batchNumber: number): Statement[] {
  const now = new Date().toISOString();
  const raw: unknown[][] = [];
  const deployments: unknown[][] = [];
  const changes: unknown[][] = [];
  const links: unknown[][] = [];
  const incidents = new Map<string, unknown[]>();
  const builds: unknown[][] = [];
  const service = (slug: string | undefined) => (slug ? (state.services.get(slug) ?? null) : null);
  const change = (repository: string, sha: string, serviceId: string | null, committedAt: string, title: string | null, labels: string[]) => {
    const key = `${repository}@${sha}`;
    let id = state.changes.get(key);
    if (!id) {
      id = randomUUID();
      state.changes.set(key, id);
      changes.push([id, sha, repository, serviceId, committedAt, "other", "none", labels, title, now, now]);
    }
    return id;
  };

  events.forEach((e, i) => {
    raw.push(["bench", e.type, `floor:${batchNumber}:${i}`, JSON.stringify(e), now, now]);
    if (e.type === "deployment") {
      const serviceId = service(e.service);
      deployments.push([
        e.id,
        serviceId,
        state.environments.get(e.environment),
        e.team ? state.teams.get(e.team) : null,
        e.status,
        e.startedAt ?? null,
        e.finishedAt,
        e.commitSha ?? null,
        e.repository ?? null,
        e.kind,
        e.url ?? null,
        now,
        now,
      ]);
      for (const c of e.commits ?? [])
        links.push([e.id, change(e.repository ?? "", c.sha, serviceId, c.committedAt, c.message?.split("\n", 1)[0] ?? null, c.labels ?? [])]);
    } else if (e.type === "change") {
      change(e.repository ?? "", e.sha, service(e.service), e.committedAt, e.title ?? null, e.labels ?? []);
    } else if (e.type === "incident") {
      incidents.set(e.id, [e.id, service(e.service), e.severity ?? null, e.title ?? null, e.openedAt, e.resolvedAt ?? null, now, now]);
    } else {
      builds.push([
        e.id,
        e.pipeline,
        service(e.service),
        e.repository ?? null,
        e.commitSha,
        e.branch ?? null,
        e.attempt,
        e.status,
        e.queuedAt ?? null,
        e.startedAt,
        e.finishedAt,
        now,
        now,
      ]);
    }
  });
  return [
    ...insert("RawEvent", ["source", "kind", "dedupeKey", "payload", "receivedAt", "processedAt"], raw),
    ...insert(
      "Deployment",
      ["id", "serviceId", "environmentId", "teamId", "status", "startedAt", "finishedAt", "commitSha", "repository", "kind", "url", "createdAt", "updatedAt"],
      deployments,
    ),
    ...insert(
      "Change",
      ["id", "sha", "repository", "serviceId", "committedAt", "category", "categorySource", "labels", "title", "createdAt", "updatedAt"],
      changes,
    ),
    ...insert("DeploymentChange", ["deploymentId", "changeId"], links, "ON CONFLICT DO NOTHING"),
    // An incident sent again (resolved) is the one write here that is not a plain insert.
    ...insert(
      "Incident",
      ["id", "serviceId", "severity", "title", "openedAt", "resolvedAt", "createdAt", "updatedAt"],
      [...incidents.values()],
      `ON CONFLICT (id) DO UPDATE SET "resolvedAt" = excluded."resolvedAt", "updatedAt" = excluded."updatedAt"`,
    ),
    ...insert(
      "Build",
      [
        "id",
        "pipeline",
        "serviceId",
        "repository",
        "commitSha",
        "branch",
        "attempt",
        "status",
        "queuedAt",
        "startedAt",
        "finishedAt",
        "createdAt",
        "updatedAt",
      ],
      builds,
    ),
  ];
}
