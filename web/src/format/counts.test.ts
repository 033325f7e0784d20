import { expect, test } from "vitest";
import { countOf, formatCount } from "./counts.ts";

test.each([
  [0, "0 deployments"],
  [1, "1 deployment"],
  [12, "12 deployments"],
  [1234, "1,234 deployments"],
])("%d → %s", (n, text) => {
  expect(countOf(n, "deployment")).toBe(text);
});

test("formats thousands with commas", () => {
  expect(formatCount(1_234_567)).toBe("1,234,567");
});
