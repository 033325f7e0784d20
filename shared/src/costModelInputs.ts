// The cost model's inputs as data (product.md "Cost model"): each one's default, unit, label and
// help text, once. The schemas (costModel.ts), the settings page, the summaries' "how this was
// computed" and the weekly report's cost-model table all read this table, so a new input is one
// entry here plus its formula in server/src/metrics/. No zod here, so a page can read it alone.
import { formatDecimal, formatPercent, formatUpToFourDecimals, formatUsdCents } from "./numbers.ts";

export interface CostModelInputInfo {
  default: number;
  unit: "USD/hour" | "USD/minute" | "hours" | "weeks" | "minutes" | "fraction" | "people";
  /** "loaded hourly rate": lower case, as a sentence names it; a field's label capitalises it. */
  label: string;
  /** Why it exists and where its default comes from: the settings page's help text. */
  why: string;
  /** A default that a record may override (an incident's responders, a test's fix effort): tables say "(default)". */
  recordDefault?: true;
}

export const COST_MODEL_INPUTS = {
  loadedHourlyRateUsd: { default: 100, unit: "USD/hour", label: "loaded hourly rate", why: "fully loaded engineer cost; set it to yours" },
  hoursPerWeek: { default: 40, unit: "hours", label: "hours per week", why: "capacity of one engineer" },
  sprintWeeks: { default: 2, unit: "weeks", label: "sprint length", why: 'for "sprints lost"' },
  contextSwitchMinutes: {
    default: 23,
    unit: "minutes",
    label: "context switch per blocking failure",
    why: "time to get back to a task after an interruption (Gloria Mark's studies)",
  },
  waitFactor: { default: 0.5, unit: "fraction", label: "wait factor", why: "share of a rerun's duration the developer is blocked" },
  ciCostPerMinuteUsd: { default: 0.008, unit: "USD/minute", label: "CI cost per minute", why: "a hosted 2-core runner's list price" },
  incidentResponders: {
    default: 2,
    unit: "people",
    label: "incident responders",
    why: "people working an incident (an incident's own responders win)",
    recordDefault: true,
  },
  reworkHoursPerDeployment: { default: 2, unit: "hours", label: "rework hours per rework deployment", why: "preparing a rollback or hotfix" },
  fixEffortHours: {
    default: 4,
    unit: "hours",
    label: "fix effort per flaky test",
    why: "estimated work to fix a flaky test (editable per test)",
    recordDefault: true,
  },
} as const satisfies Record<string, CostModelInputInfo>;

export type CostModelInputName = keyof typeof COST_MODEL_INPUTS;
export const COST_MODEL_INPUT_NAMES = Object.keys(COST_MODEL_INPUTS) as CostModelInputName[];

/** "loaded hourly rate" → "Loaded hourly rate": a field's label. */
export function inputFieldLabel({ label }: { label: string }): string {
  return `${label.charAt(0).toUpperCase()}${label.slice(1)}`;
}

/** "Incident responders (default)": how a table of the inputs names one. */
export function costModelInputLabel(name: CostModelInputName): string {
  const info: CostModelInputInfo = COST_MODEL_INPUTS[name];
  return `${inputFieldLabel(info)}${info.recordDefault ? " (default)" : ""}`;
}

/** An input's value in its unit: "$100.00 an hour", "$0.008 a minute", "0.50 (50.0%)", "23 minutes". */
export function costModelValueText(name: CostModelInputName, value: number): string {
  const unit = COST_MODEL_INPUTS[name].unit;
  if (unit === "USD/hour") return `${formatUsdCents(value)} an hour`;
  if (unit === "USD/minute") return `$${formatUpToFourDecimals(value)} a minute`;
  if (unit === "fraction") return `${formatDecimal(value, 2)} (${formatPercent(value)})`;
  return `${formatUpToFourDecimals(value)} ${unit}`;
}
