// The connections Keel pulls history from, as it answers about them (api.md "Connections"; tRPC
// connections.*): their settings and the sync's state, never the token.
import { z } from "zod";
import { CONNECTION_KINDS, ConnectionStatusValues } from "../connections.ts";

export const ConnectionProgress = z.strictObject({
  /** The resource being read ("deployments acme/checkout"); null when no sync runs. */
  resource: z.string().nullable(),
  pages: z.number(),
  records: z.number(),
  rateLimitWaits: z.number(),
  startedAt: z.string(),
  /**
   * How far the resource's walk has come, in record time: it reads records oldest first from `from`,
   * has reached `reached`, and began at `startedAt` (wall clock). The ETA is read from it; absent
   * while a connector is listing, not walking.
   */
  walk: z.strictObject({ from: z.string(), reached: z.string(), startedAt: z.string() }).nullable().optional(),
});
export type ConnectionProgress = z.infer<typeof ConnectionProgress>;

/** Records brought in over every sync, by type. */
export const ConnectionCounts = z.strictObject({
  deployments: z.number().optional(),
  changes: z.number().optional(),
  incidents: z.number().optional(),
  builds: z.number().optional(),
});
export type ConnectionCounts = z.infer<typeof ConnectionCounts>;

export const Connection = z.strictObject({
  id: z.string(),
  kind: z.enum(CONNECTION_KINDS),
  apiUrl: z.string().nullable(),
  /** GitHub: owner/name; GitLab: the projects (what Keel's events call the repository); [] for PagerDuty. */
  repositories: z.array(z.string()),
  /** GitLab only: the projects as created (paths or numeric ids). */
  projects: z.array(z.string()).optional(),
  /** PagerDuty's services ([] for other kinds, and for a PagerDuty connection that reads every service). */
  services: z.array(z.string()),
  /** The code host's deployment environment; null for PagerDuty. */
  environment: z.string().nullable(),
  since: z.string().nullable(),
  status: z.enum(ConnectionStatusValues),
  lastSyncAt: z.string().nullable(),
  lastError: z.string().nullable(),
  progress: ConnectionProgress.nullable(),
  counts: ConnectionCounts,
  syncRequested: z.boolean(),
  createdAt: z.string(),
});
/** A connection as Keel answers it: never the token. */
export type ConnectionView = z.infer<typeof Connection>;

export const ConnectionList = z.strictObject({ connections: z.array(Connection) });
export const ConnectionRemoved = z.strictObject({ id: z.string() });
