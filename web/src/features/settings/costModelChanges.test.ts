import { DEFAULT_COST_MODEL_INPUTS } from "@keel/shared";
import { expect, test } from "vitest";
import { inputChanges, inputsOf, versionChanges, type InputChange, type InputValues } from "./costModelChanges.ts";

test.each<[string, InputValues, InputValues, InputChange[]]>([
  ["nothing changed", { waitFactor: 0.5 }, { waitFactor: 0.5 }, []],
  ["a value changed", { loadedHourlyRateUsd: 100 }, { loadedHourlyRateUsd: 120 }, [{ input: "loadedHourlyRateUsd", before: 100, after: 120 }]],
  ["an override set", {}, { waitFactor: 0.6 }, [{ input: "waitFactor", before: null, after: 0.6 }]],
  ["an override removed", { waitFactor: 0.6 }, {}, [{ input: "waitFactor", before: 0.6, after: null }]],
  ["a change to 0 is a change", { contextSwitchMinutes: 23 }, { contextSwitchMinutes: 0 }, [{ input: "contextSwitchMinutes", before: 23, after: 0 }]],
  [
    "several, in the model's order whatever the keys' order",
    { fixEffortHours: 4, loadedHourlyRateUsd: 100 },
    { loadedHourlyRateUsd: 90, fixEffortHours: 6 },
    [
      { input: "loadedHourlyRateUsd", before: 100, after: 90 },
      { input: "fixEffortHours", before: 4, after: 6 },
    ],
  ],
])("%s", (_, before, after, expected) => {
  expect(inputChanges(before, after)).toEqual(expected);
});

test.each<[string, unknown, InputValues]>([
  ["a stored set", { waitFactor: 0.5, hoursPerWeek: 40 }, { waitFactor: 0.5, hoursPerWeek: 40 }],
  ["unknown names and non-numbers are left out", { waitFactor: "0.5", teamSize: 6, hoursPerWeek: 38 }, { hoursPerWeek: 38 }],
  ["null", null, {}],
  ["not an object", 3, {}],
])("inputsOf: %s", (_, stored, expected) => {
  expect(inputsOf(stored)).toEqual(expected);
});

const at = "2026-11-20T10:00:00.000Z";

test.each<[string, Parameters<typeof versionChanges>[0], InputValues, { version: number; changes: InputChange[] }[]]>([
  ["no versions", [], DEFAULT_COST_MODEL_INPUTS, []],
  [
    "the organisation's first version is compared with the defaults",
    [{ version: 1, inputs: { ...DEFAULT_COST_MODEL_INPUTS, loadedHourlyRateUsd: 120 }, note: "2026 salaries", createdAt: at }],
    DEFAULT_COST_MODEL_INPUTS,
    [{ version: 1, changes: [{ input: "loadedHourlyRateUsd", before: 100, after: 120 }] }],
  ],
  [
    "each later version with the one before, newest first, whatever order they came in",
    [
      { version: 2, inputs: { ...DEFAULT_COST_MODEL_INPUTS, loadedHourlyRateUsd: 120, waitFactor: 0.4 }, note: null, createdAt: at },
      { version: 3, inputs: { ...DEFAULT_COST_MODEL_INPUTS, loadedHourlyRateUsd: 110, waitFactor: 0.4 }, note: null, createdAt: at },
      { version: 1, inputs: { ...DEFAULT_COST_MODEL_INPUTS, loadedHourlyRateUsd: 120 }, note: null, createdAt: at },
    ],
    DEFAULT_COST_MODEL_INPUTS,
    [
      { version: 3, changes: [{ input: "loadedHourlyRateUsd", before: 120, after: 110 }] },
      { version: 2, changes: [{ input: "waitFactor", before: 0.5, after: 0.4 }] },
      { version: 1, changes: [{ input: "loadedHourlyRateUsd", before: 100, after: 120 }] },
    ],
  ],
  [
    "a team's overrides: set, then one removed and another set",
    [
      { version: 2, inputs: { incidentResponders: 3 }, note: null, createdAt: at },
      { version: 1, inputs: { waitFactor: 0.7 }, note: null, createdAt: at },
    ],
    {},
    [
      {
        version: 2,
        changes: [
          { input: "waitFactor", before: 0.7, after: null },
          { input: "incidentResponders", before: null, after: 3 },
        ],
      },
      { version: 1, changes: [{ input: "waitFactor", before: null, after: 0.7 }] },
    ],
  ],
  [
    "a version that changed no input (a team size edit) lists no change",
    [{ version: 1, inputs: {}, note: "team size 6", createdAt: at }],
    {},
    [{ version: 1, changes: [] }],
  ],
])("versionChanges: %s", (_, history, start, expected) => {
  expect(versionChanges(history, start).map(({ version, changes }) => ({ version, changes }))).toEqual(expected);
});

test("a version keeps its note and date", () => {
  expect(versionChanges([{ version: 1, inputs: { waitFactor: 0.7 }, note: "slow CI", createdAt: at }], {})[0]).toMatchObject({
    note: "slow CI",
    createdAt: at,
  });
});
