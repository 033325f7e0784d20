// Edits the cost model (tRPC costModel.update): every edit adds a CostModelVersion row, version
// increasing per scope ("org" or the team's id). The organisation's row holds its full set of
// inputs; a team's row holds its full set of overrides after the edit (null removed one). A team
// edit may also set the team's size (Team.size), recorded in the version's note. An edit that
// changes nothing (same inputs, same team size) adds no version.
import { CostModelInputs, DEFAULT_COST_MODEL_INPUTS, type CostModelUpdateData } from "@keel/shared";
import type { CostModelViewData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { Prisma } from "../generated/prisma/client.ts";
import { unknownNames } from "./scope/unknownNames.ts";
import { cleanOverrides } from "../metrics/costModel.ts";
import { getCostModel } from "./getCostModel.ts";

const ATTEMPTS = 3;

export async function updateCostModel({ db, input }: { db: Db; input: CostModelUpdateData }): Promise<CostModelViewData> {
  let teamId: string | null = null;
  if (input.team !== undefined) {
    const team = await db.team.findUnique({ where: { slug: input.team }, select: { id: true } });
    if (!team) throw unknownNames({ team: input.team });
    teamId = team.id;
  }
  const scope = teamId ?? "org";
  // Two edits at once: the second to insert a version number loses the unique (scope, version)
  // race and tries again with the next number.
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$transaction(async (tx) => {
        const latest = await tx.costModelVersion.findFirst({ where: { scope }, orderBy: { version: "desc" }, select: { version: true, inputs: true } });
        const before = cleanOverrides(latest?.inputs);
        const merged: Record<string, number> = { ...before };
        for (const [name, value] of Object.entries(input.inputs)) {
          if (value === null) delete merged[name];
          else if (value !== undefined) merged[name] = value;
        }
        // The organisation's version is always complete (defaults fill what was never set).
        const inputs = teamId === null ? CostModelInputs.parse({ ...DEFAULT_COST_MODEL_INPUTS, ...merged }) : merged;
        const sizeNote = input.teamSize !== undefined ? `team size ${input.teamSize === null ? "unknown" : input.teamSize}` : undefined;
        const current = teamId === null ? CostModelInputs.parse({ ...DEFAULT_COST_MODEL_INPUTS, ...before }) : before;
        const sizeChanges =
          teamId !== null &&
          input.teamSize !== undefined &&
          (await tx.team.findUniqueOrThrow({ where: { id: teamId }, select: { size: true } })).size !== input.teamSize;
        if (!sizeChanges && sameInputs(current, inputs)) return;
        await tx.costModelVersion.create({
          data: { scope, version: (latest?.version ?? 0) + 1, inputs, note: [input.note, sizeNote].filter(Boolean).join("; ") || null },
        });
        if (teamId !== null && input.teamSize !== undefined) await tx.team.update({ where: { id: teamId }, data: { size: input.teamSize } });
      });
      break;
    } catch (error) {
      const raced = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!raced || attempt >= ATTEMPTS) throw error;
    }
  }
  return getCostModel({ db });
}

function sameInputs(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}
