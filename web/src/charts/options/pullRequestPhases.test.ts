import { describe, expect, test } from "vitest";
import {
  longestPhase,
  pullRequestPhasesLabel,
  pullRequestPhasesOption,
  pullRequestWeekTooltip,
  type PhaseFigures,
  type PullRequestWeek,
} from "./pullRequestPhases.ts";

const f = (medianHours: number | null, p90Hours: number | null, count: number): PhaseFigures => ({ medianHours, p90Hours, count });
const none = f(null, null, 0);
const weeks: PullRequestWeek[] = [
  { bucketStart: "2026-11-02", pullRequests: 3, codingHours: f(2, 5.5, 3), pickupHours: f(4, 9, 2), reviewHours: f(10.25, 20, 2), deployHours: f(0.5, 1, 3) },
  { bucketStart: "2026-11-09", pullRequests: 0, codingHours: none, pickupHours: none, reviewHours: none, deployHours: none },
];

type Series = { type: string; name: string; stack?: string; data: unknown[] };
const seriesOf = (weeksIn: PullRequestWeek[]) => pullRequestPhasesOption(weeksIn).series as Series[];

test("stacks the four phases' medians per week; a phase without data is a gap, never zero", () => {
  const series = seriesOf(weeks);
  expect(series.map((s) => [s.type, s.name, s.stack])).toEqual([
    ["bar", "Coding", "phases"],
    ["bar", "Pickup", "phases"],
    ["bar", "Review", "phases"],
    ["bar", "Deploy", "phases"],
  ]);
  expect(series.map((s) => s.data)).toEqual([
    [2, null],
    [4, null],
    [10.25, null],
    [0.5, null],
  ]);
  const option = pullRequestPhasesOption(weeks);
  expect((option.xAxis as { data: string[] }).data).toEqual(["2 Nov", "9 Nov"]);
  expect((option.yAxis as { axisLabel: { formatter: (v: number) => string } }).axisLabel.formatter(12)).toBe("12 h");
});

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

describe("the tooltip gives the week, each phase's median, p90 and PR count, and the PRs deployed", () => {
  test.each([
    [
      weeks[0],
      "Week of 2 Nov 2026 Coding 2.0 h median · 5.5 h p90 (3 PRs) Pickup 4.0 h median · 9.0 h p90 (2 PRs) " +
        "Review 10.3 h median · 20.0 h p90 (2 PRs) Deploy 0.5 h median · 1.0 h p90 (3 PRs) Pull requests deployed 3",
    ],
    [weeks[1], "Week of 9 Nov 2026 Coding no data Pickup no data Review no data Deploy no data Pull requests deployed 0"],
    [
      { ...weeks[1], pullRequests: 1, codingHours: f(1, 1, 1) } as PullRequestWeek,
      "Week of 9 Nov 2026 Coding 1.0 h median · 1.0 h p90 (1 PR) Pickup no data Review no data Deploy no data Pull requests deployed 1",
    ],
  ])("%#", (week, text) => expect(plain(pullRequestWeekTooltip(week as PullRequestWeek))).toBe(text));

  test("the axis tooltip picks the hovered week", () => {
    const formatter = (pullRequestPhasesOption(weeks).tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(plain(formatter([{ dataIndex: 1 }]))).toContain("Week of 9 Nov 2026");
    expect(formatter([])).toBe("");
  });
});

describe("longestPhase names the phase with the largest median", () => {
  test.each([
    ["review waits longest", weeks[0], { label: "Review", medianHours: 10.25 }],
    ["no data at all", weeks[1], null],
    ["only deploy known", { ...weeks[1], deployHours: f(3, 4, 1) }, { label: "Deploy", medianHours: 3 }],
    ["a tie keeps the earlier phase", { ...weeks[1], codingHours: f(5, 5, 1), pickupHours: f(5, 6, 1) }, { label: "Coding", medianHours: 5 }],
  ])("%s", (_name, summary, expected) => expect(longestPhase(summary as PullRequestWeek)).toEqual(expected));
});

test("the accessible label names the span and the longest phase", () => {
  expect(pullRequestPhasesLabel(weeks, weeks[0] as PullRequestWeek)).toBe(
    "Stacked bar chart of the median hours of each pull-request phase per week (coding, pickup, review, deploy), " +
      "from the week of 2 Nov 2026 to the week of 9 Nov 2026. Longest over these weeks: review, 10.3 h median.",
  );
  expect(pullRequestPhasesLabel([], weeks[1] as PullRequestWeek)).toBe("Bar chart of pull-request phases per week: no weeks to show.");
});
