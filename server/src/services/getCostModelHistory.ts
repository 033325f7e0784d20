// Every version of the cost model (tRPC costModel.history), newest first: the organisation's, or
// one team's when `team` is given.
import type { CostModelVersionsData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { unknownNames } from "./scope/unknownNames.ts";

export async function getCostModelHistory({ db, input }: { db: Db; input: { team?: string | undefined } }): Promise<CostModelVersionsData> {
  let scope = "org";
  if (input.team !== undefined) {
    const team = await db.team.findUnique({ where: { slug: input.team }, select: { id: true } });
    if (!team) throw unknownNames({ team: input.team });
    scope = team.id;
  }
  const rows = await db.costModelVersion.findMany({ where: { scope }, orderBy: { version: "desc" } });
  return rows.map((r) => ({
    scope: r.scope,
    team: input.team ?? null,
    version: r.version,
    inputs: r.inputs,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
  }));
}
