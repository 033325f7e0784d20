import { expect, test } from "vitest";
import { COST_MODEL_INPUTS, costModelInputLabel, costModelValueText, inputFieldLabel, type CostModelInputName } from "./costModelInputs.ts";

test("a label starts with a capital", () => {
  expect(inputFieldLabel(COST_MODEL_INPUTS.loadedHourlyRateUsd)).toBe("Loaded hourly rate");
  expect(inputFieldLabel(COST_MODEL_INPUTS.ciCostPerMinuteUsd)).toBe("CI cost per minute");
});

test.each<[CostModelInputName, number, string, string]>([
  ["loadedHourlyRateUsd", 100, "Loaded hourly rate", "$100.00 an hour"],
  ["hoursPerWeek", 40, "Hours per week", "40 hours"],
  ["sprintWeeks", 2, "Sprint length", "2 weeks"],
  ["contextSwitchMinutes", 23, "Context switch per blocking failure", "23 minutes"],
  ["waitFactor", 0.5, "Wait factor", "0.50 (50.0%)"],
  ["ciCostPerMinuteUsd", 0.008, "CI cost per minute", "$0.008 a minute"],
  ["incidentResponders", 2, "Incident responders (default)", "2 people"],
  ["reworkHoursPerDeployment", 2.5, "Rework hours per rework deployment", "2.5 hours"],
  ["fixEffortHours", 4, "Fix effort per flaky test (default)", "4 hours"],
])("%s in the report's cost-model table: %s → %s / %s", (name, value, label, text) => {
  expect(costModelInputLabel(name)).toBe(label);
  expect(costModelValueText(name, value)).toBe(text);
});
