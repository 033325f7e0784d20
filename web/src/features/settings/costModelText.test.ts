import { COST_MODEL_INPUTS } from "@keel/shared";
import { expect, test } from "vitest";
import type { InputChange } from "./costModelChanges.ts";
import { changeText } from "./costModelText.ts";

test.each<[InputChange, string]>([
  [{ input: "loadedHourlyRateUsd", before: 100, after: 120 }, "loaded hourly rate: 100 → 120"],
  [{ input: "ciCostPerMinuteUsd", before: 0.008, after: 0.0125 }, "CI cost per minute: 0.008 → 0.0125"],
  [{ input: "waitFactor", before: null, after: 0.7 }, "wait factor: organisation's → 0.7"],
  [{ input: "incidentResponders", before: 3, after: null }, "incident responders: 3 → organisation's"],
])("%j reads %j", (change, text) => {
  expect(changeText(change, COST_MODEL_INPUTS[change.input])).toBe(text);
});
