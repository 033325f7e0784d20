// The cost model (product.md "Cost model"): the schemas that validate an edit. Each input's
// default, unit, label and help text are in costModelInputs.ts. Money and hours in Keel come only
// from these inputs. The organisation's inputs are a full set; a team overrides any of them. Team
// size is not here: it is the team's own setting (Team.size), read beside the model.
import { z } from "zod";
import { COST_MODEL_INPUT_NAMES, COST_MODEL_INPUTS, type CostModelInputName } from "./costModelInputs.ts";
import { FilterName } from "./filters.ts";

export * from "./costModelInputs.ts";

/** Each responder's hours on an incident count at most this many per calendar day (product.md). */
export const RESPONDER_HOURS_CAP_PER_DAY = 8;

// Messages for people: the settings page shows them beside the field they name.
const aNumber = () => z.number({ error: "must be a number" }).finite({ error: "must be a number" });
const positive = (max: number) =>
  aNumber()
    .positive("must be more than 0")
    .max(max, `must be at most ${max.toLocaleString("en-US")}`);
const nonNegative = (max: number) =>
  aNumber()
    .min(0, "must be at least 0")
    .max(max, `must be at most ${max.toLocaleString("en-US")}`);

/** A complete set of inputs (the organisation's). */
export const CostModelInputs = z
  .object({
    loadedHourlyRateUsd: nonNegative(100_000),
    hoursPerWeek: positive(168),
    sprintWeeks: positive(52),
    contextSwitchMinutes: nonNegative(24 * 60),
    waitFactor: nonNegative(1),
    ciCostPerMinuteUsd: nonNegative(1_000),
    incidentResponders: z.int({ error: "must be a whole number" }).min(1, "must be at least 1").max(1_000, "must be at most 1,000"),
    reworkHoursPerDeployment: nonNegative(1_000),
    fixEffortHours: positive(10_000),
  })
  .strict();
export type CostModelInputsData = z.output<typeof CostModelInputs>;

/** The defaults of product.md, as a complete set. */
export const DEFAULT_COST_MODEL_INPUTS: CostModelInputsData = Object.fromEntries(
  COST_MODEL_INPUT_NAMES.map((name) => [name, COST_MODEL_INPUTS[name].default]),
) as CostModelInputsData;

/** A team's overrides: any subset of the inputs. */
export const CostModelOverrides = CostModelInputs.partial().strict();
export type CostModelOverridesData = z.output<typeof CostModelOverrides>;

/**
 * An edit. Without `team` it changes the organisation's inputs (the ones given; the others keep
 * their value). With `team` (a team slug) it changes that team's overrides: a number sets an
 * override, null removes it (the team then follows the organisation). `teamSize` (team edits only)
 * sets the team's size for capacity shares; null makes it unknown. Every edit adds a version.
 */
export const CostModelUpdate = z
  .object({
    team: FilterName().optional(),
    inputs: z
      .object(
        Object.fromEntries(COST_MODEL_INPUT_NAMES.map((name) => [name, CostModelInputs.shape[name].nullable().optional()])) as {
          [K in CostModelInputName]: z.ZodOptional<z.ZodNullable<(typeof CostModelInputs.shape)[K]>>;
        },
      )
      .strict()
      .default({}),
    teamSize: z.number().int().min(1).max(100_000).nullable().optional(),
    note: z.string().max(500).optional(),
  })
  .strict()
  .refine((u) => u.team !== undefined || Object.values(u.inputs).every((v) => v !== null), {
    message: "the organisation's inputs cannot be removed, only changed (null removes a team's override)",
    path: ["inputs"],
  })
  .refine((u) => u.team !== undefined || u.teamSize === undefined, { message: "teamSize needs a team", path: ["teamSize"] });
export type CostModelUpdateInput = z.input<typeof CostModelUpdate>;
export type CostModelUpdateData = z.output<typeof CostModelUpdate>;

/** Which cost model a figure used: the organisation's version and, per team with overrides, the team's. */
export interface CostModelUsed {
  /** The organisation's version; 0 means the built-in defaults (nothing edited yet). */
  version: number;
  /** The team versions that applied (teams whose overrides were used), by team slug. */
  teamVersions: { team: string; version: number }[];
  /** "org v3 + payments v1": how a sentence names it. */
  label: string;
  /** The inputs in force for the figure's scope (the team's, for a team filter). */
  inputs: CostModelInputsData;
}
