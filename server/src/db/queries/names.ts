// Teams, environments and services by name, created on first sight: ONE statement inserts the
// unknown ones and reads the known ones, all three kinds together (a new service gets the id of
// a team created in the same statement). A name another batch inserts at the same moment is not
// visible to this statement's snapshot; whatever is missing is read again, once that insert has
// committed, by a second query.
import { Prisma } from "../../generated/prisma/client.ts";
import type { Tx } from "../types.ts";

export type NameKind = "team" | "environment" | "service";

export interface NameRow {
  kind: NameKind;
  id: string;
  /** The slug (teams, services) or name (environments). */
  key: string;
  teamId: string | null;
  repository: string | null;
}

export interface WantedNames {
  teams: readonly { id: string; slug: string }[];
  environments: readonly { id: string; name: string }[];
  /** `teamSlug`: the team a deployment named for it, given to a new service. */
  services: readonly { id: string; slug: string; teamSlug: string | null }[];
  createdAt: string;
}

export async function ensureNames(tx: Tx, wanted: WantedNames): Promise<NameRow[]> {
  const found = await tx.$queryRaw<NameRow[]>(Prisma.sql`
    WITH t_in AS (SELECT * FROM json_to_recordset(${JSON.stringify(wanted.teams)}::json) AS x(id uuid, slug text)),
    t_new AS (
      INSERT INTO "Team" AS t (id, slug, name, "createdAt")
      SELECT id, slug, slug, ${wanted.createdAt}::timestamptz FROM t_in ON CONFLICT DO NOTHING
      RETURNING t.id, t.slug
    ),
    t_all AS (SELECT id, slug FROM t_new UNION ALL SELECT t.id, t.slug FROM "Team" t WHERE t.slug IN (SELECT slug FROM t_in)),
    e_in AS (SELECT * FROM json_to_recordset(${JSON.stringify(wanted.environments)}::json) AS x(id uuid, name text)),
    e_new AS (INSERT INTO "Environment" AS e (id, name) SELECT id, name FROM e_in ON CONFLICT DO NOTHING RETURNING e.id, e.name),
    s_in AS (SELECT * FROM json_to_recordset(${JSON.stringify(wanted.services)}::json) AS x(id uuid, slug text, "teamSlug" text)),
    s_new AS (
      INSERT INTO "Service" AS s (id, slug, name, "teamId", "createdAt")
      SELECT x.id, x.slug, x.slug, (SELECT ta.id FROM t_all ta WHERE ta.slug = x."teamSlug" LIMIT 1), ${wanted.createdAt}::timestamptz
      FROM s_in x ON CONFLICT DO NOTHING
      RETURNING s.id, s.slug, s."teamId", s.repository
    )
    SELECT 'team' AS kind, id, slug AS key, NULL::uuid AS "teamId", NULL::text AS repository FROM t_all
    UNION ALL
    SELECT 'environment', id, name, NULL, NULL FROM e_new
    UNION ALL
    SELECT 'environment', e.id, e.name, NULL, NULL FROM "Environment" e WHERE e.name IN (SELECT name FROM e_in)
    UNION ALL
    SELECT 'service', id, slug, "teamId", repository FROM s_new
    UNION ALL
    SELECT 'service', s.id, s.slug, s."teamId", s.repository FROM "Service" s WHERE s.slug IN (SELECT slug FROM s_in)`);
  const seen = new Set(found.map((row) => `${row.kind}:${row.key}`));
  const missing = {
    teams: wanted.teams.map((t) => t.slug).filter((slug) => !seen.has(`team:${slug}`)),
    environments: wanted.environments.map((e) => e.name).filter((name) => !seen.has(`environment:${name}`)),
    services: wanted.services.map((s) => s.slug).filter((slug) => !seen.has(`service:${slug}`)),
  };
  if (!missing.teams.length && !missing.environments.length && !missing.services.length) return found;
  const late = await tx.$queryRaw<NameRow[]>(Prisma.sql`
    SELECT 'team' AS kind, id, slug AS key, NULL::uuid AS "teamId", NULL::text AS repository
    FROM "Team" WHERE slug IN (SELECT json_array_elements_text(${JSON.stringify(missing.teams)}::json))
    UNION ALL
    SELECT 'environment', id, name, NULL, NULL
    FROM "Environment" WHERE name IN (SELECT json_array_elements_text(${JSON.stringify(missing.environments)}::json))
    UNION ALL
    SELECT 'service', id, slug, "teamId", repository
    FROM "Service" WHERE slug IN (SELECT json_array_elements_text(${JSON.stringify(missing.services)}::json))`);
  return [...found, ...late];
}

/** Gives services without a team the team a deployment named; a service that has one keeps it. */
export async function assignTeams(tx: Tx, rows: { id: string; teamId: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRaw(Prisma.sql`
    UPDATE "Service" s SET "teamId" = x."teamId"
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS x(id uuid, "teamId" uuid)
    WHERE s.id = x.id AND s."teamId" IS NULL`);
}
