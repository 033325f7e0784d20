// Renames a team or changes its size or debt target override (tRPC teams.update). The slug stays:
// events name the team by it.
import type { TeamUpdateData } from "@keel/shared";
import type { Tx } from "../db/types.ts";
import { KeelError } from "../errors.ts";
import type { TeamData } from "@keel/shared/outputs";

export async function updateTeam({ db, input }: { db: Tx; input: TeamUpdateData }): Promise<TeamData> {
  const { slug, ...changes } = input;
  const data = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const updated = await db.team.updateMany({ where: { slug }, data });
  if (updated.count === 0) throw new KeelError("NOT_FOUND", `No team with the slug "${slug}".`);
  const team = await db.team.findUniqueOrThrow({
    where: { slug },
    select: { slug: true, name: true, size: true, debtTarget: true, _count: { select: { services: true } } },
  });
  return { slug: team.slug, name: team.name, size: team.size, debtTarget: team.debtTarget, services: team._count.services };
}
