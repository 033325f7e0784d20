// Pieces shared by the answers' schemas (outputs/*.ts). Objects are strict: a field the server
// adds without adding it here fails loudly (the output test, and a 500 on the procedure) instead
// of vanishing from the answer.
import { z } from "zod";
import { CostModelInputs } from "../costModel.ts";
import { DORA_LEVELS } from "../doraThresholds.ts";
import { Filters, SCOPE_FIELDS, type FiltersData } from "../filters.ts";

export const nullableNumber = z.number().nullable();
export const Level = z.enum(DORA_LEVELS).nullable();

/** `[from, to)` as ISO date-times. */
export const Window = z.strictObject({ from: z.string(), to: z.string() });

/** A team or a service as the answers name it: its slug (what events and filters use) and its display name. */
export const Named = z.strictObject({ slug: z.string(), name: z.string() });

/**
 * The attribution window an answer was computed with (docs/metrics.md), in both units: the DORA
 * metrics and the deployment and incident details repeat it, days first.
 */
export const AttributionWindow = z.strictObject({
  attributionWindowDays: z.number(),
  /** The attribution window in hours (attributionWindowDays is hours / 24). */
  attributionWindowHours: z.number(),
});

/**
 * The filters an answer repeats: every scope filter of the one filter schema (SCOPE_FIELDS), null
 * when not given, or its default where it has one (environment). Derived, so a new filter is
 * repeated in every answer's schema with nothing to add here.
 */
export const MetricScopeFilters = z.strictObject(
  Object.fromEntries(SCOPE_FIELDS.map((k) => [k, Filters.shape[k] instanceof z.ZodDefault ? z.string() : z.string().nullable()])) as {
    [K in (typeof SCOPE_FIELDS)[number]]: undefined extends FiltersData[K] ? z.ZodNullable<z.ZodString> : z.ZodString;
  },
);
/** The cost views' filters: the same, but for the environment (test runs and hours lost are not per environment). */
export const ScopeFilters = MetricScopeFilters.omit({ environment: true });

/** What names a test within its service (server/src/ingest/junit/testIdentity.ts). */
export const TestName = z.strictObject({ suite: z.string(), name: z.string(), variant: z.string() });
export const TestIdentity = z.strictObject({
  id: z.number(),
  service: z.string().nullable(),
  repository: z.string().nullable(),
  ...TestName.shape,
});

export const CostModelUsed = z.strictObject({
  /** The organisation's version; 0 means the built-in defaults (nothing edited yet). */
  version: z.number(),
  /** The team versions that applied (teams whose overrides were used), by team slug. */
  teamVersions: z.array(z.strictObject({ team: z.string(), version: z.number() })),
  /** "org v3 + payments v1": how a sentence names it. */
  label: z.string(),
  /** The inputs in force for the figure's scope (the team's, for a team filter). */
  inputs: CostModelInputs,
});

/**
 * A figure set beside the previous period's (server/src/metrics/comparison.ts): the current
 * figures, `previous` with the same fields, and `change` (current − previous) for every field
 * but the level.
 */
export function compared<Shape extends z.core.$ZodLooseShape>(figures: z.ZodObject<Shape, z.core.$strict>) {
  const { level: _level, ...numeric } = figures.shape;
  const change = z.strictObject(
    Object.fromEntries(Object.keys(numeric).map((key) => [key, nullableNumber])) as { [K in Exclude<keyof Shape, "level">]: typeof nullableNumber },
  );
  return figures.extend({ previous: figures, change });
}
