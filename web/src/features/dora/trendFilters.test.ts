import { MetricFilters } from "@keel/shared";
import { expect, test } from "vitest";
import { readName, readTrendFilters, trendQueryInput, trendWindow, writeTrendFilters } from "./trendFilters.ts";

const params = (query: string) => new URLSearchParams(query);

test.each([
  ["", { weeks: 12 }],
  ["weeks=4", { weeks: 4 }],
  ["weeks=26&team=payments", { weeks: 26, team: "payments" }],
  ["weeks=5", { weeks: 12 }],
  ["weeks=abc&service=checkout", { weeks: 12, service: "checkout" }],
  ["team=%20%20&service=", { weeks: 12 }],
  ["team=" + "x".repeat(201), { weeks: 12 }],
  ["team=%20payments%20", { weeks: 12, team: "payments" }],
])("?%s reads as %o", (query, filters) => {
  expect(readTrendFilters(params(query))).toEqual(filters);
});

test("writing leaves defaults out and keeps unrelated parameters", () => {
  expect(writeTrendFilters(params("tab=x&weeks=4&team=a"), { weeks: 12 }).toString()).toBe("tab=x");
  expect(writeTrendFilters(params(""), { weeks: 26, team: " payments ", service: "" }).toString()).toBe("weeks=26&team=payments");
});

test("reading what was written gives the same filters", () => {
  const filters = { weeks: 4, team: "payments", service: "checkout" } as const;
  expect(readTrendFilters(writeTrendFilters(params(""), filters))).toEqual(filters);
});

test.each([
  // A Saturday: the current week started Monday 16 Nov.
  ["2026-11-21T15:30:00Z", 12, "2026-08-24T00:00:00.000Z", "2026-11-23T00:00:00.000Z"],
  // A Monday just after midnight belongs to its own week.
  ["2026-11-16T00:00:01Z", 4, "2026-10-19T00:00:00.000Z", "2026-11-23T00:00:00.000Z"],
  // A Sunday just before midnight still belongs to the week that started six days earlier.
  ["2026-11-22T23:59:59Z", 4, "2026-10-19T00:00:00.000Z", "2026-11-23T00:00:00.000Z"],
  // Across a year boundary.
  ["2027-01-01T12:00:00Z", 4, "2026-11-30T00:00:00.000Z", "2027-01-04T00:00:00.000Z"],
])("on %s, %d weeks → [%s, %s)", (now, weeks, from, to) => {
  expect(trendWindow(weeks, new Date(now))).toEqual({ from, to });
});

test("the query input passes the server's schema and carries only the filters set", () => {
  const now = new Date("2026-11-21T15:30:00Z");
  const input = trendQueryInput({ weeks: 26, service: "checkout" }, now);
  expect(input).toEqual({ from: "2026-05-18T00:00:00.000Z", to: "2026-11-23T00:00:00.000Z", service: "checkout" });
  expect(MetricFilters.safeParse(input).success).toBe(true);
});

test.each(["payments", "a", "x".repeat(200), "x".repeat(201), "", "  ", " checkout ", "team with spaces", "é"])(
  "the hand-written name check agrees with the shared schema for %j",
  (value) => {
    const accepted = readName(value);
    const schema = MetricFilters.shape.team;
    expect(accepted === undefined ? false : schema.safeParse(accepted).success).toBe(schema.safeParse(value.trim()).success);
  },
);
