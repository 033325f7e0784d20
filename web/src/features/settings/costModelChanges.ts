// What each version of the cost model changed against the one before it, for the history table.
// The server stores each version's complete set (the organisation's inputs, or a team's overrides),
// so the change is a diff of two neighbouring sets.
import { COST_MODEL_INPUT_NAMES, type CostModelInputName } from "@keel/shared";

/** Some inputs by name: the organisation's complete set, or a team's overrides. */
export type InputValues = Partial<Record<CostModelInputName, number>>;

/** One input's change; null is "not set" (a team following the organisation). */
export interface InputChange {
  input: CostModelInputName;
  before: number | null;
  after: number | null;
}

export interface StoredVersion {
  version: number;
  inputs?: unknown;
  note: string | null;
  createdAt: string;
}

export interface VersionChanges {
  version: number;
  createdAt: string;
  note: string | null;
  changes: InputChange[];
}

/** A stored version's inputs (JSON from the server): the known inputs that hold numbers. */
export function inputsOf(stored: unknown): InputValues {
  const out: InputValues = {};
  if (!stored || typeof stored !== "object") return out;
  for (const name of COST_MODEL_INPUT_NAMES) {
    const value: unknown = (stored as Record<string, unknown>)[name];
    if (typeof value === "number" && Number.isFinite(value)) out[name] = value;
  }
  return out;
}

/** The inputs whose value differs, in the cost model's own order. */
export function inputChanges(before: InputValues, after: InputValues): InputChange[] {
  return COST_MODEL_INPUT_NAMES.flatMap((input) => {
    const from = before[input] ?? null;
    const to = after[input] ?? null;
    return from === to ? [] : [{ input, before: from, after: to }];
  });
}

/**
 * Each version with what it changed, newest first (as the history lists them). The oldest is
 * compared with `start`: the defaults for the organisation (its version 0), no overrides for a team.
 */
export function versionChanges(history: readonly StoredVersion[], start: InputValues): VersionChanges[] {
  const oldestFirst = [...history].sort((a, b) => a.version - b.version);
  let previous = start;
  const rows = oldestFirst.map((v) => {
    const inputs = inputsOf(v.inputs);
    const row = { version: v.version, createdAt: v.createdAt, note: v.note, changes: inputChanges(previous, inputs) };
    previous = inputs;
    return row;
  });
  return rows.reverse();
}
