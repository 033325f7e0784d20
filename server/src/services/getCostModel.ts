// The cost model in force (tRPC costModel.get): the organisation's inputs and version, each team's
// overrides, version, effective inputs and size, and every input's default, unit and reason.
import { COST_MODEL_INPUTS, DEFAULT_COST_MODEL_INPUTS } from "@keel/shared";
import type { CostModelViewData } from "@keel/shared/outputs";
import type { Db } from "../db/client.ts";
import { loadCostModel } from "./costs/costContext.ts";

export async function getCostModel({ db }: { db: Db }): Promise<CostModelViewData> {
  const { model } = await loadCostModel(db);
  return {
    organisation: { version: model.version, inputs: model.inputs },
    teams: [...model.teams.values()].map((t) => ({ team: t.slug, name: t.name, size: t.size, version: t.version, overrides: t.overrides, inputs: t.inputs })),
    defaults: DEFAULT_COST_MODEL_INPUTS,
    definitions: COST_MODEL_INPUTS,
  };
}
