// Creates a team (tRPC teams.create). Its slug is what deployment events name it by, so it must be
// new; events naming a team that does not exist create it too (resolveNames).
import type { TeamCreateData } from "@keel/shared";
import type { Tx } from "../db/types.ts";
import { KeelError } from "../errors.ts";
import type { TeamData } from "@keel/shared/outputs";

export async function createTeam({ db, input }: { db: Tx; input: TeamCreateData }): Promise<TeamData> {
  const existing = await db.team.findUnique({ where: { slug: input.slug }, select: { name: true } });
  if (existing)
    throw new KeelError("CONFLICT", `A team with the slug "${input.slug}" exists already (${existing.name}).`, [{ path: "slug", message: "is taken" }]);
  const team = await db.team.create({
    data: { slug: input.slug, name: input.name, size: input.size ?? null, debtTarget: input.debtTarget ?? null },
    select: { slug: true, name: true, size: true, debtTarget: true },
  });
  return { ...team, services: 0 };
}
