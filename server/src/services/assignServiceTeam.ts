// Puts a service in a team, or in none (tRPC teams.assignService). A team filter covers the
// services whose team it is now, so the service's whole history moves with it (docs/metrics.md).
import type { ServiceTeamAssignmentData } from "@keel/shared";
import type { Tx } from "../db/types.ts";
import { KeelError } from "../errors.ts";
import type { ServiceTeamData } from "@keel/shared/outputs";

export async function assignServiceTeam({ db, input }: { db: Tx; input: ServiceTeamAssignmentData }): Promise<ServiceTeamData> {
  const team = input.team === null ? null : await db.team.findUnique({ where: { slug: input.team }, select: { id: true, slug: true } });
  if (input.team !== null && !team) throw new KeelError("NOT_FOUND", `No team with the slug "${input.team}".`, [{ path: "team", message: "is not a team" }]);
  const updated = await db.service.updateMany({ where: { slug: input.service }, data: { teamId: team?.id ?? null } });
  if (updated.count === 0) throw new KeelError("NOT_FOUND", `No service with the slug "${input.service}".`, [{ path: "service", message: "is not a service" }]);
  const service = await db.service.findUniqueOrThrow({ where: { slug: input.service }, select: { slug: true, name: true } });
  return { ...service, team: team?.slug ?? null };
}
