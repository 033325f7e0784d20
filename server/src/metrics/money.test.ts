import { expect, test } from "vitest";
import { cents } from "./money.ts";

test.each([
  [1.005, 1.01],
  [48.4293, 48.43],
  [-0.125, -0.13],
  [3948.425, 3948.43],
])("cents(%d) = %d", (v, c) => expect(cents(v)).toBe(c));
