import { DEFAULT_COST_MODEL_INPUTS as D } from "@keel/shared";
import { describe, expect, test } from "vitest";
import { cleanOverrides, costModelUsed, inputsFor, resolveCostModel } from "./costModel.ts";

const team = (id: string) => ({ id, slug: id, name: id, size: 5, debtTarget: null });

describe("the cost model in force", () => {
  test("no version yet: the defaults, version 0", () => {
    const m = resolveCostModel(null, [team("a")], []);
    expect(m.version).toBe(0);
    expect(m.inputs).toEqual(D);
    expect(costModelUsed(m, ["a"], null).label).toBe("org v0 (defaults)");
  });

  test("organisation edits, team overrides on top, versions named", () => {
    const m = resolveCostModel(
      { version: 3, inputs: { ...D, loadedHourlyRateUsd: 150 } },
      [team("a"), team("b")],
      [{ teamId: "a", version: 2, inputs: { contextSwitchMinutes: 30 } }],
    );
    expect(inputsFor(m, "a")).toEqual({ ...D, loadedHourlyRateUsd: 150, contextSwitchMinutes: 30 });
    expect(inputsFor(m, "b")).toEqual({ ...D, loadedHourlyRateUsd: 150 });
    expect(inputsFor(m, null)).toEqual({ ...D, loadedHourlyRateUsd: 150 });
    expect(costModelUsed(m, ["a", "b", null], null)).toMatchObject({ version: 3, teamVersions: [{ team: "a", version: 2 }], label: "org v3 + a v2" });
    expect(costModelUsed(m, ["b"], "b").label).toBe("org v3");
  });

  test("stored rows are read defensively", () => {
    expect(cleanOverrides({ waitFactor: 0.3, nonsense: 1, hoursPerWeek: "40" })).toEqual({ waitFactor: 0.3 });
    expect(cleanOverrides(null)).toEqual({});
  });
});
