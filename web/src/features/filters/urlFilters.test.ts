import { DeploymentListQuery, MetricFilters } from "@keel/shared";
import { expect, test } from "vitest";
import { readCostFilters } from "../costs/costFilters.ts";
import { periodWindow, readChoice, readId, readName, readPage, readScope, scopeInput, scopeQuery, writeScope } from "./urlFilters.ts";

const params = (query: string) => new URLSearchParams(query);

// Both filter models read the URL alike: a missing or bad period is the default, an empty or
// over-long name is left out, a name is trimmed. Scope: 4, 12 or 26 weeks to now; costs: 4, 13, 26
// or 52 whole weeks.
const READERS = { scope: readScope, costs: readCostFilters };

test.each([
  ["scope", "", { weeks: 4 }],
  ["scope", "weeks=12", { weeks: 12 }],
  ["scope", "weeks=26&team=payments", { weeks: 26, team: "payments" }],
  ["scope", "weeks=5", { weeks: 4 }],
  ["scope", "weeks=abc&service=checkout", { weeks: 4, service: "checkout" }],
  ["scope", "team=%20%20&service=", { weeks: 4 }],
  ["scope", "team=" + "x".repeat(201), { weeks: 4 }],
  ["scope", "team=%20payments%20", { weeks: 4, team: "payments" }],
  ["scope", "environment=staging", { weeks: 4, environment: "staging" }],
  ["scope", "environment=production", { weeks: 4 }],
  ["costs", "", { weeks: 13 }],
  ["costs", "weeks=4", { weeks: 4 }],
  ["costs", "weeks=52&team=payments", { weeks: 52, team: "payments" }],
  ["costs", "weeks=12", { weeks: 13 }],
  ["costs", "weeks=x&team=%20%20", { weeks: 13 }],
  ["costs", "team=" + "x".repeat(201), { weeks: 13 }],
] as const)("%s: ?%s reads as %o", (reader, query, filters) => {
  expect(READERS[reader](params(query))).toEqual(filters);
});

test("writing leaves defaults out and keeps unrelated parameters", () => {
  expect(writeScope(params("tab=x&weeks=12&team=a"), { weeks: 4 }).toString()).toBe("tab=x");
  expect(writeScope(params(""), { weeks: 26, team: " payments ", service: "" }).toString()).toBe("weeks=26&team=payments");
  expect(writeScope(params(""), { weeks: 4, environment: "production" }).toString()).toBe("");
});

test("reading what was written gives the same filters", () => {
  const filters = { weeks: 12, team: "payments", service: "checkout", environment: "staging" } as const;
  expect(readScope(writeScope(params(""), filters))).toEqual(filters);
});

test("a link to another page carries the scope and its own parameters", () => {
  expect(scopeQuery({ weeks: 12, team: "payments" }, { failure: "yes" })).toBe("?weeks=12&team=payments&failure=yes");
  expect(scopeQuery({ weeks: 4 })).toBe("");
});

test.each([
  // A Saturday in UTC: the current week started Monday 16 Nov.
  ["2026-11-21T15:30:42Z", 12, "UTC", "2026-08-24", "2026-11-21T15:30:00.000Z"],
  // A Monday just after midnight belongs to its own week.
  ["2026-11-16T00:00:01Z", 4, "UTC", "2026-10-19", "2026-11-16T00:00:00.000Z"],
  // Sunday 23:30 in UTC is already Monday in Tokyo: Tokyo's week started that Monday.
  ["2026-11-15T23:30:00Z", 4, "Asia/Tokyo", "2026-10-19", "2026-11-15T23:30:00.000Z"],
  ["2026-11-15T23:30:00Z", 4, "UTC", "2026-10-12", "2026-11-15T23:30:00.000Z"],
  // Across a year boundary.
  ["2027-01-01T12:00:00Z", 4, "UTC", "2026-11-30", "2027-01-01T12:00:00.000Z"],
])("on %s, %d weeks in %s → [%s, %s)", (now, weeks, timeZone, from, to) => {
  expect(periodWindow(weeks, new Date(now), timeZone)).toEqual({ from, to });
});

test("the query input passes the server's schema and carries only the filters set", () => {
  const window = periodWindow(26, new Date("2026-11-21T15:30:00Z"), "UTC");
  const input = scopeInput({ weeks: 26, service: "checkout" }, window);
  expect(input).toEqual({ from: "2026-05-18", to: "2026-11-21T15:30:00.000Z", service: "checkout" });
  expect(MetricFilters.safeParse(input).success).toBe(true);
  expect(DeploymentListQuery.safeParse({ ...input, offset: 25, limit: 25 }).success).toBe(true);
});

test.each(["payments", "a", "x".repeat(200), "x".repeat(201), "", "  ", " checkout ", "team with spaces", "é"])(
  "the hand-written name check agrees with the shared schema for %j",
  (value) => {
    const accepted = readName(value);
    const schema = MetricFilters.shape.team;
    expect(accepted === undefined ? false : schema.safeParse(accepted).success).toBe(schema.safeParse(value.trim()).success);
  },
);

test("ids, choices and pages", () => {
  expect(readId(" dep-api-0001 ")).toBe("dep-api-0001");
  expect(readId("x".repeat(257))).toBeUndefined();
  expect(readChoice("failure", ["success", "failure"] as const)).toBe("failure");
  expect(readChoice("oops", ["success", "failure"] as const)).toBeUndefined();
  expect([readPage("3"), readPage("0"), readPage("-1"), readPage("2.5"), readPage(null)]).toEqual([3, 1, 1, 1, 1]);
});
