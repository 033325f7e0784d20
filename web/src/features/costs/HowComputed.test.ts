import { expect, test } from "vitest";
import { inputValueText } from "./HowComputed.tsx";

test.each([
  [136, "failures", "136 failures"],
  [27.863861944444448, "hours", "27.8639 hours"],
  [0.5, "fraction", "0.50 (50.0%)"],
  [null, "people", "unknown"],
  ["checkout, payments", "", "checkout, payments"],
  [19, "", "19"],
])("%s %s → %s", (value, unit, text) => {
  expect(inputValueText(value, unit)).toBe(text);
});
