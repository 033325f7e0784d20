import { expect, test } from "vitest";
import { possessive } from "./text.ts";

test.each([
  ["Payments", "Payments'"],
  ["Checkout", "Checkout's"],
  ["the organisation", "the organisation's"],
])("%s → %s", (name, text) => {
  expect(possessive(name)).toBe(text);
});
