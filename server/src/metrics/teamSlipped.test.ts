import { describe, expect, test } from "vitest";
import { teamsLastWeek, weekRangeLabel, type TeamWeeks } from "./teamSlipped.ts";

const week = (bucketStart: string, total: number) => ({ bucketStart, total, costUsd: total * 100 });
const checkout: TeamWeeks = { team: "checkout", name: "Checkout", hoursLost: [week("2026-10-26", 10), week("2026-11-02", 14), week("2026-11-09", 16.2)] };
const payments: TeamWeeks = { team: "payments", name: "Payments", hoursLost: [week("2026-10-26", 2), week("2026-11-02", 1), week("2026-11-09", 0)] };
const platform: TeamWeeks = { team: "platform", name: "Platform", hoursLost: [week("2026-10-26", 0.5), week("2026-11-02", 0.5), week("2026-11-09", 22.3)] };
const steadyCheckout: TeamWeeks = { team: "checkout", name: "Checkout", hoursLost: [week("2026-11-02", 30), week("2026-11-09", 31)] };

test("compares each team's last week with the week before and its own average", () => {
  const result = teamsLastWeek([checkout, payments, platform], "2026-11-09");
  expect(result.earlierWeeks).toBe(2);
  expect(result.rows.map((r) => [r.team, r.hours, r.weekBefore, r.average, r.aboveAverage])).toEqual([
    ["checkout", 16.2, 14, 12, expect.closeTo(4.2, 10)],
    ["payments", 0, 1, 1.5, -1.5],
    ["platform", 22.3, 0.5, 0.5, expect.closeTo(21.8, 10)],
  ]);
  expect(result.howComputed).toBe(
    "Each team's engineering hours lost in the week are compared with its own average over the 2 weeks before; the team furthest above its average slipped the most, and a team at or below its average did not slip.",
  );
});

describe.each([
  {
    name: "the team furthest above its own average slipped the most",
    teams: [checkout, payments, platform],
    slipped: "platform",
    sentence: "Last week (9–15 Nov 2026), Platform slipped the most: it lost 22.3 h ($2,230.00), against an average of 0.5 h a week over the 2 weeks before.",
  },
  {
    name: "a steady rise is not a slip",
    teams: [steadyCheckout, platform],
    slipped: "platform",
    sentence: /^Last week \(9–15 Nov 2026\), Platform slipped the most: it lost 22\.3 h/,
  },
  {
    name: "a steady rise alone is still above average",
    teams: [steadyCheckout],
    slipped: "checkout",
    sentence: /^Last week \(9–15 Nov 2026\), Checkout slipped: it lost 31\.0 h \(\$3,100\.00\), against an average of 30\.0 h a week over the 1 week before\.$/,
  },
  {
    name: "one team alone slipped, not the most",
    teams: [platform],
    slipped: "platform",
    sentence: /^Last week \(9–15 Nov 2026\), Platform slipped: it lost 22\.3 h/,
  },
  {
    name: "nobody above their average",
    teams: [payments],
    slipped: null,
    sentence: "Last week (9–15 Nov 2026), no team lost more hours than its own weekly average over the 2 weeks before.",
  },
  {
    name: "exactly at the average is no slip",
    teams: [{ team: "a", name: "A", hoursLost: [week("2026-11-02", 3), week("2026-11-09", 3)] }],
    slipped: null,
    sentence: /no team lost more hours/,
  },
  {
    name: "a single week: nothing to compare",
    teams: [{ team: "a", name: "A", hoursLost: [week("2026-11-09", 3)] }],
    slipped: null,
    sentence: "Last week (9–15 Nov 2026) is the only week in this window: choose a longer window to compare.",
  },
  { name: "no teams", teams: [], slipped: null, sentence: "Last week (9–15 Nov 2026), no team had figures." },
])("$name", ({ teams, slipped, sentence }) => {
  test("names the team and says so", () => {
    const result = teamsLastWeek(teams, "2026-11-09");
    expect(result.slipped?.team ?? null).toBe(slipped);
    if (typeof sentence === "string") expect(result.sentence).toBe(sentence);
    else expect(result.sentence).toMatch(sentence);
  });
});

test.each([
  ["2026-11-09", "9–15 Nov 2026"],
  ["2026-09-28", "28 Sep – 4 Oct 2026"],
  ["2025-12-29", "29 Dec 2025 – 4 Jan 2026"],
])("the week of %s reads %s", (monday, label) => {
  expect(weekRangeLabel(monday)).toBe(label);
});
