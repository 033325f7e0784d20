import { expect, test } from "vitest";
import type { WeeklyReport } from "../services/getWeeklyReport.ts";
import { doraRows } from "./doraSection.ts";

// The demo's 2026-W46 report, organisation-wide, as the API answered it.
const summary = {
  deploymentFrequency: {
    deployments: 59,
    perDay: 8.428571428571429,
    deployDaysPerWeekMedian: 7,
    level: "elite",
    previous: { deployments: 62, perDay: 8.857142857142858, deployDaysPerWeekMedian: 6, level: "elite" },
    change: { deployments: -3, perDay: -0.4285714285714288, deployDaysPerWeekMedian: 1 },
  },
  leadTime: {
    changes: 177,
    medianHours: 6.460245277777778,
    p90Hours: 45.525313000000004,
    level: "elite",
    excludedNegative: 0,
    previous: { changes: 225, medianHours: 6.849635277777779, p90Hours: 39.429077666666664, level: "elite", excludedNegative: 0 },
    change: { changes: -48, medianHours: -0.38939000000000057, p90Hours: 6.09623533333334, excludedNegative: 0 },
  },
  changeFailureRate: {
    deployments: 59,
    failed: 8,
    rate: 0.13559322033898305,
    level: "medium",
    previous: { deployments: 62, failed: 6, rate: 0.0967741935483871, level: "high" },
    change: { deployments: -3, failed: 2, rate: 0.038819026790595956 },
  },
  recoveryTime: {
    incidents: 6,
    medianHours: 1.012482222222222,
    p90Hours: 2.0512008333333336,
    level: "high",
    open: 0,
    excludedNegative: 0,
    previous: { incidents: 4, medianHours: 2.271405972222222, p90Hours: 33.87581958333334, level: "high", open: 0, excludedNegative: 0 },
    change: { incidents: 2, medianHours: -1.25892375, p90Hours: -31.824618750000006, open: 0, excludedNegative: 0 },
  },
  reworkRate: {
    deployments: 59,
    rework: 6,
    rate: 0.1016949152542373,
    previous: { deployments: 62, rework: 4, rate: 0.06451612903225806 },
    change: { deployments: -3, rework: 2, rate: 0.03717878622197923 },
  },
} as unknown as WeeklyReport["dora"]["summary"];

test("the five DORA rows of a week, with level, previous week and change", () => {
  expect(doraRows(summary)).toEqual([
    { metric: "Deployment frequency", thisWeek: "59 deployments (8.43 a day)", level: "elite", previous: "62 (8.86 a day)", change: "−3" },
    { metric: "Lead time for changes (median)", thisWeek: "6.5 h", level: "elite", previous: "6.8 h", change: "−0.4 h" },
    { metric: "Change failure rate", thisWeek: "13.6% (8 of 59)", level: "medium", previous: "9.7% (6 of 62)", change: "+3.9 pts" },
    { metric: "Failed deployment recovery time (median)", thisWeek: "1.0 h (6 resolved, 0 open)", level: "high", previous: "2.3 h", change: "−1.3 h" },
    { metric: "Deployment rework rate", thisWeek: "10.2% (6 of 59)", level: "no levels", previous: "6.5% (4 of 62)", change: "+3.7 pts" },
  ]);
});

test("missing medians and rates read as a dash", () => {
  const empty = structuredClone(summary) as unknown as {
    leadTime: { medianHours: null; previous: { medianHours: null }; change: { medianHours: null } };
    changeFailureRate: { rate: null; level: null; change: { rate: null } };
  };
  empty.leadTime.medianHours = null;
  empty.leadTime.previous.medianHours = null;
  empty.leadTime.change.medianHours = null;
  empty.changeFailureRate.rate = null;
  empty.changeFailureRate.level = null;
  empty.changeFailureRate.change.rate = null;
  const rows = doraRows(empty as unknown as WeeklyReport["dora"]["summary"]);
  expect(rows[1]).toMatchObject({ thisWeek: "–", previous: "–", change: "–" });
  expect(rows[2]).toMatchObject({ thisWeek: "– (8 of 59)", level: "–", change: "–" });
});

test.each([
  [1, 0.14285714285714285, "1 deployment (0.14 a day)"],
  [1234, 176.28571428571428, "1,234 deployments (176.29 a day)"],
])("%i deployments in a week read as %j", (deployments, perDay, thisWeek) => {
  const week = structuredClone(summary) as unknown as { deploymentFrequency: { deployments: number; perDay: number } };
  week.deploymentFrequency.deployments = deployments;
  week.deploymentFrequency.perDay = perDay;
  expect(doraRows(week as unknown as WeeklyReport["dora"]["summary"])[0]).toMatchObject({ thisWeek });
});
