// A stored connection as Keel answers it (api.md "Connections"): its settings without the token,
// and the state the sync engine keeps. The one place a Connection row becomes an answer.
import { ConnectionCounts, ConnectionProgress, type ConnectionView } from "@keel/shared/outputs";
import type { Connection } from "../../generated/prisma/client.ts";
import type { Db } from "../../db/client.ts";
import { KeelError } from "../../errors.ts";

/** The settings a connection keeps besides its token (config column). */
export interface GithubConfig {
  apiUrl?: string | undefined;
  repositories: string[];
  environment: string;
  since?: string | undefined;
  serviceFrom: "repository";
}

export interface GitlabConfig {
  apiUrl?: string | undefined;
  /** "group/name" paths or numeric ids, as the admin named them. */
  projects: string[];
  environment: string;
  since?: string | undefined;
  serviceFrom: "repository";
}

export interface PagerdutyConfig {
  apiUrl?: string | undefined;
  /** Service ids; empty: every service the token can read. */
  services: string[];
  since?: string | undefined;
}

type StoredConfig = Partial<GithubConfig> & Partial<GitlabConfig> & Partial<PagerdutyConfig>;

export function connectionView(row: Connection): ConnectionView {
  const config = row.config as StoredConfig;
  return {
    id: row.id,
    kind: row.kind as ConnectionView["kind"],
    apiUrl: config.apiUrl ?? null,
    repositories: config.repositories ?? config.projects ?? [],
    ...(config.projects ? { projects: config.projects } : {}),
    services: row.kind === "pagerduty" ? (config.services ?? []) : [],
    environment: config.environment ?? null,
    since: config.since ?? null,
    status: row.status,
    lastSyncAt: row.lastSyncAt?.toISOString() ?? null,
    lastError: row.lastError,
    // Parsed rather than cast: PostgreSQL's jsonb keeps keys in its own order, the schema's is the answer's.
    progress: row.progress === null ? null : ConnectionProgress.parse(row.progress),
    counts: ConnectionCounts.parse(row.counts),
    syncRequested: row.syncRequestedAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findConnection(db: Db, id: string): Promise<Connection> {
  const row = await db.connection.findUnique({ where: { id } });
  if (!row) throw new KeelError("NOT_FOUND", `No connection ${id}.`);
  return row;
}
