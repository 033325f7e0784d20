// The cost model's answers (tRPC costModel.get, .update and .history, flaky.setFixEffort;
// product.md "Cost model"): the inputs in force for the organisation and each team, every input's
// default, unit and reason (costModelInputs.ts), and the versions the edits added.
import { z } from "zod";
import { COST_MODEL_INPUT_NAMES, COST_MODEL_INPUTS, CostModelInputs, CostModelOverrides, type CostModelInputName } from "../costModel.ts";
import { nullableNumber } from "./common.ts";

const InputDefinition = z.strictObject({
  default: z.number(),
  unit: z.enum([...new Set(Object.values(COST_MODEL_INPUTS).map((input) => input.unit))]),
  label: z.string(),
  why: z.string(),
  recordDefault: z.literal(true).optional(),
});

export const CostModelView = z.strictObject({
  organisation: z.strictObject({ version: z.number(), inputs: CostModelInputs }),
  teams: z.array(
    z.strictObject({
      team: z.string(),
      name: z.string(),
      size: nullableNumber,
      version: z.number(),
      overrides: CostModelOverrides,
      inputs: CostModelInputs,
    }),
  ),
  defaults: CostModelInputs,
  definitions: z.strictObject(
    Object.fromEntries(COST_MODEL_INPUT_NAMES.map((name) => [name, InputDefinition])) as Record<CostModelInputName, typeof InputDefinition>,
  ),
});
export type CostModelViewData = z.infer<typeof CostModelView>;

/** Every version of one scope, newest first. */
export const CostModelVersions = z.array(
  z.strictObject({
    /** "org", or the team's id. */
    scope: z.string(),
    team: z.string().nullable(),
    version: z.number(),
    /** As stored: the organisation's full set of inputs, or a team's overrides. */
    inputs: z.unknown(),
    note: z.string().nullable(),
    createdAt: z.string(),
  }),
);
export type CostModelVersionsData = z.infer<typeof CostModelVersions>;

export const FixEffortSet = z.strictObject({ testId: z.number(), fixEffortHours: nullableNumber });
export type FixEffortSetData = z.infer<typeof FixEffortSet>;
