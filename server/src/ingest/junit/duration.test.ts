import { describe, expect, test } from "vitest";
import { parseDurationMs } from "./duration.ts";

describe("parseDurationMs", () => {
  test.each<[string | undefined, number]>([
    ["1.5", 1500],
    ["0.001", 1],
    ["0.0004", 0],
    ["0", 0],
    [" 3 ", 3000],
    ["2,120.532", 2_120_532],
    ["1,234,567", 1_234_567_000],
    ["0,03", 30],
    ["1,234", 1234],
    ["1.234,5", 1_234_500],
    ["80.803us", 0],
    ["1500us", 2],
    ["1500µs", 2],
    ["12ms", 12],
    ["12 ms", 12],
    ["1.5s", 1500],
    ["2m", 120_000],
    ["1h", 3_600_000],
    ["1e-3", 1],
    ["-345345", 0],
    ["-0", 0],
    ["", 0],
    [undefined, 0],
    ["abc", 0],
    ["1.2.3", 0],
    ["1,2,3", 0],
    ["5 parsecs", 0],
    ["5constructor", 0],
    ["NaN", 0],
    ["Infinity", 0],
    ["1e12", 0],
  ])("%j -> %d ms", (raw, ms) => {
    expect(parseDurationMs(raw)).toBe(ms);
  });
});
