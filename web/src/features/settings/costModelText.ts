// How the cost model's changes read on the settings page (a field's label: inputFieldLabel in
// @keel/shared/costModelInputs).
import { formatUpToFourDecimals } from "@keel/shared/numbers";
import type { InputChange } from "./costModelChanges.ts";

interface Definition {
  label: string;
  unit: string;
}

/**
 * "loaded hourly rate: 100 → 120". A value that is not set is a team following the
 * organisation: "wait factor: organisation's → 0.7".
 */
export function changeText(change: InputChange, definition: Definition): string {
  const value = (v: number | null) => (v === null ? "organisation's" : formatUpToFourDecimals(v));
  return `${definition.label}: ${value(change.before)} → ${value(change.after)}`;
}
