// The window's rules are written once (filters.ts) and hold alike for every query that extends the filters.
import { describe, expect, test } from "vitest";
import { CostFilters } from "./costsApi.ts";
import { MetricFilters } from "./filters.ts";
import { DeploymentListQuery, IncidentListQuery } from "./lists.ts";

const schemas = { MetricFilters, CostFilters, DeploymentListQuery, IncidentListQuery };

describe.each(Object.entries(schemas))("%s", (_name, schema) => {
  test.each([
    ["to before from", { from: "2026-02-01", to: "2026-01-01" }, "must be after from"],
    ["an empty window", { from: "2026-01-01", to: "2026-01-01" }, "must be after from"],
    ["over five years", { from: "2020-01-01", to: "2026-01-01" }, "the window may span at most five years"],
  ])("refuses %s, on `to`", (_case, window, message) => {
    const result = schema.safeParse(window);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["to"], message })]);
  });

  test("accepts five years", () => {
    expect(schema.safeParse({ from: "2021-01-01", to: "2026-01-01" }).success).toBe(true);
  });
});

test("the cost views' window is optional, but whole", () => {
  expect(CostFilters.safeParse({}).success).toBe(true);
  expect(CostFilters.safeParse({ from: "2026-01-01" }).error?.issues).toEqual([
    expect.objectContaining({ path: ["to"], message: "give both from and to, or neither" }),
  ]);
});
