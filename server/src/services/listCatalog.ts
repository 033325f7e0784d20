// What the dashboard's filters and the settings page choose from (tRPC catalog.list): teams, the
// services with their team, the environments deployments went to, and the incident severities seen.
import type { CatalogData } from "@keel/shared/outputs";
import type { Tx } from "../db/types.ts";

export async function listCatalog({ db }: { db: Tx }): Promise<CatalogData> {
  const [teams, services, environments, severities, firstDeployment, firstIncident] = await Promise.all([
    db.team.findMany({
      select: { slug: true, name: true, size: true, debtTarget: true, _count: { select: { services: true } } },
      orderBy: [{ name: "asc" }, { slug: "asc" }],
    }),
    db.service.findMany({ select: { slug: true, name: true, team: { select: { slug: true } } }, orderBy: { slug: "asc" } }),
    db.environment.findMany({ select: { name: true }, orderBy: { name: "asc" } }),
    db.incident.findMany({ select: { severity: true }, where: { severity: { not: null } }, distinct: ["severity"], orderBy: { severity: "asc" } }),
    db.deployment.aggregate({ _min: { finishedAt: true } }),
    db.incident.aggregate({ _min: { openedAt: true } }),
  ]);
  const starts = [firstDeployment._min.finishedAt, firstIncident._min.openedAt].filter((d): d is Date => d !== null);
  return {
    teams: teams.map((t) => ({ slug: t.slug, name: t.name, size: t.size, debtTarget: t.debtTarget, services: t._count.services })),
    services: services.map((s) => ({ slug: s.slug, name: s.name, team: s.team?.slug ?? null })),
    environments: environments.map((e) => e.name),
    severities: severities.flatMap((s) => (s.severity === null ? [] : [s.severity])),
    dataSince: starts.length === 0 ? null : new Date(Math.min(...starts.map((d) => d.getTime()))).toISOString(),
  };
}
