// The cost model in force (product.md "Cost model"): the organisation's latest version (or the
// defaults, "version 0", before any edit), and each team's latest overrides on top of it. Every
// figure names the versions it used.
import { COST_MODEL_INPUT_NAMES, DEFAULT_COST_MODEL_INPUTS, type CostModelInputsData, type CostModelOverridesData, type CostModelUsed } from "@keel/shared";

export interface TeamFacts {
  id: string;
  slug: string;
  name: string;
  /** Engineers; null when unknown. */
  size: number | null;
  /** The team's own debt target; null means the organisation's. */
  debtTarget: number | null;
}

export interface TeamModel extends TeamFacts {
  /** The team's latest cost model version; 0 when it never overrode anything. */
  version: number;
  overrides: CostModelOverridesData;
  inputs: CostModelInputsData;
}

export interface ResolvedCostModel {
  version: number;
  inputs: CostModelInputsData;
  teams: Map<string, TeamModel>;
}

/** Only the known inputs, with numbers: whatever else a stored row holds is ignored. */
export function cleanOverrides(value: unknown): CostModelOverridesData {
  const out: CostModelOverridesData = {};
  if (value === null || typeof value !== "object") return out;
  for (const name of COST_MODEL_INPUT_NAMES) {
    const v = (value as Record<string, unknown>)[name];
    if (typeof v === "number" && Number.isFinite(v)) out[name] = v;
  }
  return out;
}

export function resolveCostModel(
  org: { version: number; inputs: unknown } | null,
  teams: TeamFacts[],
  teamVersions: { teamId: string; version: number; inputs: unknown }[],
): ResolvedCostModel {
  const inputs: CostModelInputsData = { ...DEFAULT_COST_MODEL_INPUTS, ...cleanOverrides(org?.inputs) };
  const latest = new Map(teamVersions.map((v) => [v.teamId, v]));
  const resolved = new Map<string, TeamModel>();
  for (const team of teams) {
    const v = latest.get(team.id);
    const overrides = cleanOverrides(v?.inputs);
    resolved.set(team.id, { ...team, version: v?.version ?? 0, overrides, inputs: { ...inputs, ...overrides } });
  }
  return { version: org?.version ?? 0, inputs, teams: resolved };
}

/** The inputs for a team's figures (the organisation's for rows without a team). */
export function inputsFor(model: ResolvedCostModel, teamId: string | null): CostModelInputsData {
  return (teamId === null ? undefined : model.teams.get(teamId)?.inputs) ?? model.inputs;
}

/** Which versions a figure over these teams used, and the inputs for its scope. */
export function costModelUsed(model: ResolvedCostModel, teamIds: Iterable<string | null>, scopeTeamId: string | null): CostModelUsed {
  const teamVersions: { team: string; version: number }[] = [];
  for (const id of new Set(teamIds)) {
    const team = id === null ? undefined : model.teams.get(id);
    if (team && team.version > 0 && Object.keys(team.overrides).length > 0) teamVersions.push({ team: team.slug, version: team.version });
  }
  teamVersions.sort((a, b) => a.team.localeCompare(b.team));
  const label = [`org v${model.version}${model.version === 0 ? " (defaults)" : ""}`, ...teamVersions.map((t) => `${t.team} v${t.version}`)].join(" + ");
  return { version: model.version, teamVersions, label, inputs: inputsFor(model, scopeTeamId) };
}
