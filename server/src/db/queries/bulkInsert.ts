// Bulk inserts as ONE statement with ONE parameter: the rows as JSON, expanded by
// json_to_recordset. Prisma's createMany through the PGlite adapter costs ~1.5 s per call however
// few rows it carries (a new query plan per row count), and the PGlite adapter cannot pass arrays
// as parameters, so unnest() is out. This shape is constant, fast on both databases, and typed.
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";

/** A column: its name in the table and its SQL type (casts from the JSON value). */
export type Column = readonly [name: string, sqlType: string];

export const CHUNK_ROWS = 10_000;
export const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * The pieces of `SELECT <select> FROM json_to_recordset($json) AS x(<recordType>)` for columns.
 * Enum columns arrive as text in the record set and are cast in the select list.
 */
export function recordset(columns: readonly Column[]) {
  return {
    recordType: Prisma.raw(columns.map(([name, type]) => `${quote(name)} ${type.startsWith('"') ? "text" : type}`).join(", ")),
    select: Prisma.raw(columns.map(([name, type]) => (type.startsWith('"') ? `x.${quote(name)}::${type}` : `x.${quote(name)}`)).join(", ")),
    names: Prisma.raw(columns.map(([name]) => quote(name)).join(", ")),
  };
}

/** Rows in chunks of CHUNK_ROWS, each as the JSON text of one parameter. */
export function* jsonChunks(rows: readonly Record<string, unknown>[]): Generator<string> {
  for (let i = 0; i < rows.length; i += CHUNK_ROWS) yield JSON.stringify(rows.slice(i, i + CHUNK_ROWS));
}

export async function bulkInsert(
  tx: Tx,
  table: string,
  columns: readonly Column[],
  rows: readonly Record<string, unknown>[],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  let inserted = 0;
  const { recordType, select, names } = recordset(columns);
  for (const json of jsonChunks(rows)) {
    inserted += await tx.$executeRaw(Prisma.sql`
      INSERT INTO ${Prisma.raw(quote(table))} (${names})
      SELECT ${select} FROM json_to_recordset(${json}::json) AS x(${recordType})
      ${options.onConflictDoNothing ? Prisma.sql`ON CONFLICT DO NOTHING` : Prisma.empty}`);
  }
  return inserted;
}

export const testResultColumns: readonly Column[] = [
  ["reportId", "int"],
  ["testCaseId", "int"],
  ["buildId", "text"],
  ["commitSha", "text"],
  ["status", '"TestStatus"'],
  ["durationMs", "int"],
  ["retry", "int"],
];

export const testCaseColumns: readonly Column[] = [
  ["key", "text"],
  ["keyHash", "text"],
  ["serviceId", "uuid"],
  ["repository", "text"],
  ["suite", "text"],
  ["name", "text"],
  ["variant", "text"],
];

const audit: Column[] = [
  ["createdAt", "timestamptz"],
  ["updatedAt", "timestamptz"],
];

export const deploymentColumns: readonly Column[] = [
  ["id", "text"],
  ["serviceId", "uuid"],
  ["environmentId", "uuid"],
  ["teamId", "uuid"],
  ["status", '"DeploymentStatus"'],
  ["startedAt", "timestamptz"],
  ["finishedAt", "timestamptz"],
  ["commitSha", "text"],
  ["repository", "text"],
  ["kind", '"DeploymentKind"'],
  ["rollbackOfDeploymentId", "text"],
  ["remediatesIncidentId", "text"],
  ["url", "text"],
  ...audit,
];

export const incidentColumns: readonly Column[] = [
  ["id", "text"],
  ["serviceId", "uuid"],
  ["severity", "text"],
  ["title", "text"],
  ["openedAt", "timestamptz"],
  ["acknowledgedAt", "timestamptz"],
  ["resolvedAt", "timestamptz"],
  ["causedByDeploymentId", "text"],
  ["causedByCommitSha", "text"],
  ["notCausedByChange", "boolean"],
  ["responders", "int"],
  ["url", "text"],
  ...audit,
];

export const buildColumns: readonly Column[] = [
  ["id", "text"],
  ["pipeline", "text"],
  ["serviceId", "uuid"],
  ["repository", "text"],
  ["commitSha", "text"],
  ["branch", "text"],
  ["trigger", "text"],
  ["attempt", "int"],
  ["status", '"BuildStatus"'],
  ["queuedAt", "timestamptz"],
  ["startedAt", "timestamptz"],
  ["finishedAt", "timestamptz"],
  ["url", "text"],
  ...audit,
];

export const changeColumns: readonly Column[] = [
  ["id", "uuid"],
  ["sha", "text"],
  ["repository", "text"],
  ["serviceId", "uuid"],
  ["committedAt", "timestamptz"],
  ["authoredAt", "timestamptz"],
  ["prNumber", "int"],
  ["prOpenedAt", "timestamptz"],
  ["prMergedAt", "timestamptz"],
  ["prFirstReviewAt", "timestamptz"],
  ["revertsSha", "text"],
  ["category", '"ChangeCategory"'],
  ["categorySource", '"CategorySource"'],
  ["labels", "text[]"],
  ["title", "text"],
  ...audit,
];

export const rawEventColumns: readonly Column[] = [
  ["source", "text"],
  ["kind", "text"],
  ["dedupeKey", "text"],
  ["payload", "jsonb"],
  ["receivedAt", "timestamptz"],
  ["processedAt", "timestamptz"],
  ["note", "text"],
];
