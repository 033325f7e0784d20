import { expect, test } from "vitest";
import { paybackText } from "./payback.ts";

test.each([
  [{ paybackWeeks: 1.0488, state: "flaky" as const, hoursLost: 45.2 }, "1.0 week"],
  [{ paybackWeeks: 18.07, state: "flaky" as const, hoursLost: 2.9 }, "18.1 weeks"],
  [{ paybackWeeks: null, state: "fixed" as const, hoursLost: 15.2 }, "fixed"],
  [{ paybackWeeks: null, state: "flaky" as const, hoursLost: 0 }, "no loss"],
  [{ paybackWeeks: null, state: "broken" as const, hoursLost: 3 }, "–"],
])("%o → %s", (t, text) => {
  expect(paybackText(t)).toBe(text);
});
