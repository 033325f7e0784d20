import { CostFilters } from "@keel/shared";
import { expect, test } from "vitest";
import { costQueryInput, costWindow, readCostFilters, readSlug, writeCostFilters } from "./costFilters.ts";

const params = (query: string) => new URLSearchParams(query);

// How the URL reads: urlFilters.test.ts, in one table with the scope filters.

test("writing leaves defaults out and keeps unrelated parameters", () => {
  expect(writeCostFilters(params("test=10&weeks=4&team=a"), { weeks: 13 }).toString()).toBe("test=10");
  expect(writeCostFilters(params(""), { weeks: 26, team: " payments " }).toString()).toBe("weeks=26&team=payments");
  const filters = { weeks: 4, team: "checkout" } as const;
  expect(readCostFilters(writeCostFilters(params(""), filters))).toEqual(filters);
});

test.each([
  // A Saturday: the current week started Monday 16 Nov; 13 whole weeks before it.
  ["2026-11-21", 13, { from: "2026-08-17", to: "2026-11-16", lastWeek: "2026-11-09" }],
  // A Monday: the week that starts today is the current one.
  ["2026-11-16", 4, { from: "2026-10-19", to: "2026-11-16", lastWeek: "2026-11-09" }],
  // A Sunday still belongs to the week that started six days earlier.
  ["2026-11-22", 4, { from: "2026-10-19", to: "2026-11-16", lastWeek: "2026-11-09" }],
  ["2027-01-01", 4, { from: "2026-11-30", to: "2026-12-28", lastWeek: "2026-12-21" }],
])("on %s, %d weeks → %o", (today, weeks, window) => {
  expect(costWindow(weeks, today)).toEqual(window);
});

test("the query input passes the server's schema and carries only the filters set", () => {
  expect(costQueryInput({ weeks: 13 }, "2026-11-21")).toEqual({ from: "2026-08-17", to: "2026-11-16" });
  const input = costQueryInput({ weeks: 4, team: "payments" }, "2026-11-21");
  expect(input).toEqual({ from: "2026-10-19", to: "2026-11-16", team: "payments" });
  expect(CostFilters.safeParse(input).success).toBe(true);
});

test.each(["payments", "a", "x".repeat(200), "x".repeat(201), "", "  ", " checkout ", "é"])("the slug check agrees with the shared schema for %j", (value) => {
  const accepted = readSlug(value);
  const schema = CostFilters.shape.team;
  expect(accepted === undefined ? false : schema.safeParse(accepted).success).toBe(schema.safeParse(value.trim()).success);
});
