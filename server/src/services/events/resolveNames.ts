// Events name teams, services and environments by slug; rows refer to them by id. Unknown names
// are created on first sight, so a new service needs no setup before it reports.
import { randomUUID } from "node:crypto";
import { bulkInsert, nameColumns } from "../../db/queries/bulkInsert.ts";
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
  const teams = [...new Set(wanted.teams)];
  const services = [...new Set(wanted.services)];
  const environments = [...new Set(wanted.environments)];
  const now = new Date();
  // Ids are Prisma-side defaults (uuid()), so raw inserts make them here; a known name is left alone.
  await bulkInsert(tx, "Team", nameColumns.team, teams.map((slug) => ({ id: randomUUID(), slug, name: slug, createdAt: now })), { onConflictDoNothing: true });
  await bulkInsert(tx, "Environment", nameColumns.environment, environments.map((name) => ({ id: randomUUID(), name })), { onConflictDoNothing: true });
  const teamRows = teams.length ? await tx.team.findMany({ where: { slug: { in: teams } }, select: { id: true, slug: true } }) : [];
  const teamIds = new Map(teamRows.map((t) => [t.slug, t.id]));
  await bulkInsert(
    tx,
    "Service",
    nameColumns.service,
    services.map((slug) => {
      const teamSlug = wanted.serviceTeams.get(slug);
      return { id: randomUUID(), slug, name: slug, teamId: teamSlug ? (teamIds.get(teamSlug) ?? null) : null, createdAt: now };
    }),
    { onConflictDoNothing: true },
  );
  const serviceRows = services.length
    ? await tx.service.findMany({ where: { slug: { in: services } }, select: { id: true, slug: true, teamId: true, repository: true } })
    : [];
  // A deployment naming a team gives an unassigned service its team; an assigned one keeps its own.
  for (const row of serviceRows) {
    const teamSlug = wanted.serviceTeams.get(row.slug);
    const teamId = teamSlug ? teamIds.get(teamSlug) : undefined;
    if (!row.teamId && teamId) await tx.service.update({ where: { id: row.id }, data: { teamId } });
  }
  const envRows = environments.length
    ? await tx.environment.findMany({ where: { name: { in: environments } }, select: { id: true, name: true } })
    : [];
  const serviceIds = new Map(serviceRows.map((s) => [s.slug, s]));
  const envIds = new Map(envRows.map((e) => [e.name, e.id]));
  const must = <T>(map: Map<string, T>, key: string, what: string): T => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`${what} ${key} was not resolved`);
    return value;
  };
  return {
    service: (slug) => must(serviceIds, slug, "service").id,
    serviceRepository: (slug) => must(serviceIds, slug, "service").repository,
    environment: (name) => must(envIds, name, "environment"),
    team: (slug) => must(teamIds, slug, "team"),
  };
}
