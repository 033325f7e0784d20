// A report's cache key is its whole parsed input: any field that differs gives another key, and the
// order of the fields does not matter.
import { describe, expect, test } from "vitest";
import { reportKey } from "./reportCache.ts";

const base = { from: "2026-11-02", to: "2026-11-16", team: "payments", service: undefined, environment: "production" };

describe("reportKey", () => {
  test.each([
    ["from", { ...base, from: "2026-11-03" }],
    ["to", { ...base, to: "2026-11-17" }],
    ["team", { ...base, team: "checkout" }],
    ["service", { ...base, service: "ledger" }],
    ["environment", { ...base, environment: "staging" }],
    ["a filter added later", { ...base, severity: "sev1" }],
  ])("%s changes the key", (_field, other) => {
    expect(reportKey(other)).not.toBe(reportKey(base));
  });

  test("the order of the fields does not", () => {
    const { environment, from, service, team, to } = base;
    expect(reportKey({ environment, to, team, service, from })).toBe(reportKey(base));
  });
});
