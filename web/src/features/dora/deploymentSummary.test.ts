import { expect, test } from "vitest";
import { deploymentChartLabel, deploymentTotalSentence } from "./deploymentSummary.ts";

test.each([
  [{ total: 312, weeks: 12 }, "312 successful production deployments in the last 12 weeks and this week so far."],
  [{ total: 1, weeks: 4 }, "1 successful production deployment in the last 4 weeks and this week so far."],
  [
    { total: 1500, weeks: 26, service: "checkout" },
    "1,500 successful production deployments of service checkout in the last 26 weeks and this week so far.",
  ],
  [
    { total: 7, weeks: 4, team: "payments", service: "checkout" },
    "7 successful production deployments of service checkout by team payments in the last 4 weeks and this week so far.",
  ],
  [
    { total: 3, weeks: 12, team: "payments", environment: "staging" },
    "3 successful staging deployments by team payments in the last 12 weeks and this week so far.",
  ],
])("%o → %s", (input, sentence) => {
  expect(deploymentTotalSentence(input)).toBe(sentence);
});

test("the chart label names the span and the busiest week", () => {
  const series = [
    { bucketStart: "2026-11-02", deployments: 3 },
    { bucketStart: "2026-11-09", deployments: 9 },
    { bucketStart: "2026-11-16", deployments: 9 },
  ];
  expect(deploymentChartLabel(series)).toBe(
    "Bar chart of successful deployments per week, from the week of 2 Nov 2026 to the week of 16 Nov 2026. " +
      "Busiest: the week of 9 Nov 2026, 9 deployments.",
  );
  expect(deploymentChartLabel([])).toBe("Bar chart of successful deployments per week: no weeks to show.");
});
