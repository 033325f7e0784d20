// Events name teams, services and environments by slug; rows refer to them by id. Unknown names
// are created on first sight, so a new service needs no setup before it reports.
import { randomUUID } from "node:crypto";
import { assignTeams, ensureNames, type NameKind, type NameRow } from "../../db/queries/names.ts";
import type { Tx } from "../../db/types.ts";

export interface NameIds {
  service(slug: string): string;
  environment(name: string): string;
  team(slug: string): string;
  serviceRepository(slug: string): string | null;
}

export async function resolveNames(
  tx: Tx,
  wanted: { services: Iterable<string>; environments: Iterable<string>; teams: Iterable<string>; serviceTeams: Map<string, string> },
): Promise<NameIds> {
  // Ids are Prisma-side defaults (uuid()), so raw inserts make them here; a known name is left alone.
  // Names are sorted so that concurrent batches insert (and wait on) them in one order.
  const rows = await ensureNames(tx, {
    teams: [...new Set(wanted.teams)].sort().map((slug) => ({ id: randomUUID(), slug })),
    environments: [...new Set(wanted.environments)].sort().map((name) => ({ id: randomUUID(), name })),
    services: [...new Set(wanted.services)].sort().map((slug) => ({ id: randomUUID(), slug, teamSlug: wanted.serviceTeams.get(slug) ?? null })),
    createdAt: new Date().toISOString(),
  });
  const byKind: Record<NameKind, Map<string, NameRow>> = { team: new Map(), environment: new Map(), service: new Map() };
  for (const row of rows) byKind[row.kind].set(row.key, row);

  // A deployment naming a team gives an unassigned service its team; an assigned one keeps its own.
  const unassigned = [...byKind.service.values()].flatMap((row) => {
    const teamSlug = wanted.serviceTeams.get(row.key);
    const teamId = teamSlug ? byKind.team.get(teamSlug)?.id : undefined;
    return !row.teamId && teamId ? [{ id: row.id, teamId }] : [];
  });
  await assignTeams(tx, unassigned);

  const must = (kind: NameKind, key: string): NameRow => {
    const row = byKind[kind].get(key);
    if (!row) throw new Error(`${kind} ${key} was not resolved`);
    return row;
  };
  return {
    service: (slug) => must("service", slug).id,
    serviceRepository: (slug) => must("service", slug).repository,
    environment: (name) => must("environment", name).id,
    team: (slug) => must("team", slug).id,
  };
}
