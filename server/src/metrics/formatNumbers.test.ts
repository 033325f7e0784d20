import { describe, expect, test } from "vitest";
import { formatHours, formatShare, formatSmall, formatUsd, formatUsdCents } from "./formatNumbers.ts";
import { cents } from "./money.ts";

describe("number formats of sentences and reports", () => {
  test.each([
    [31.4, "31"],
    [9.96, "10.0"],
    [4.449, "4.4"],
    [0, "0.0"],
    [1234.5, "1,235"],
  ])("hours %d → %s", (v, s) => expect(formatHours(v)).toBe(s));
  test.each([
    [3127.4, "$3,127"],
    [0.49, "$0"],
    [-12.5, "-$13"],
  ])("dollars %d → %s", (v, s) => expect(formatUsd(v)).toBe(s));
  test.each([
    [3127.4, "$3,127.40"],
    [0.005, "$0.01"],
  ])("cents %d → %s", (v, s) => expect(formatUsdCents(v)).toBe(s));
  test.each([
    [0.0333, "3.3%"],
    [0.3125, "31%"],
    [0.0996, "10.0%"],
  ])("share %d → %s", (v, s) => expect(formatShare(v)).toBe(s));
  test.each([
    [0.4277, "0.43"],
    [1.2999, "1.3"],
  ])("small %d → %s", (v, s) => expect(formatSmall(v)).toBe(s));
  test.each([
    [1.005, 1.01],
    [48.4293, 48.43],
    [-0.125, -0.13],
    [3948.425, 3948.43],
  ])("cents(%d) = %d", (v, c) => expect(cents(v)).toBe(c));
});
