// How the cost model's inputs and their changes read on the settings page.
import { formatUpToFourDecimals } from "@keel/shared/numbers";
import type { InputChange } from "./costModelChanges.ts";

interface Definition {
  label: string;
  unit: string;
}

/** "loaded hourly rate" → "Loaded hourly rate": a field's label. */
export function inputName({ label }: Definition): string {
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
}

/**
 * "loaded hourly rate: 100 → 120". A value that is not set is a team following the
 * organisation: "wait factor: organisation's → 0.7".
 */
export function changeText(change: InputChange, definition: Definition): string {
  const value = (v: number | null) => (v === null ? "organisation's" : formatUpToFourDecimals(v));
  return `${definition.label}: ${value(change.before)} → ${value(change.after)}`;
}
