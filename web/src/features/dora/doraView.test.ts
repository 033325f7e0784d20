import { expect, test } from "vitest";
import { dataQualityNotes } from "./doraQuality.ts";
import { doraTrends, trendLabel } from "./doraTrends.ts";
import { doraTiles, frequencyUnit, methodSentence, valueText, weekIsPartial, windowLabel, type DoraMetrics } from "./doraView.ts";

const plain = (s: string) => s.replace(/\u00a0/g, " ");
const none = { count: 0, examples: [] };

function bucket(bucketStart: string, extra: Partial<DoraMetrics["series"][number]> = {}): DoraMetrics["series"][number] {
  return {
    bucketStart,
    deployments: 30,
    leadTimeMedianHours: 20,
    changeFailureRate: 0.1,
    recoveryMedianHours: 2,
    reworkRate: 0.05,
    deployDays: 5,
    failedDeployments: 3,
    reworkDeployments: 1,
    changes: 60,
    incidents: 2,
    ...extra,
  };
}

function report(overrides: Partial<DoraMetrics> = {}): DoraMetrics {
  return {
    window: { from: "2026-11-02T00:00:00.000Z", to: "2026-11-21T12:00:00.000Z" },
    previousWindow: { from: "2026-10-14T12:00:00.000Z", to: "2026-11-02T00:00:00.000Z" },
    timeZone: "UTC",
    filters: { team: null, service: null, environment: "production" },
    thresholdsYear: 2023,
    attributionWindowDays: 7,
    attributionWindowHours: 168,
    recoveryTimeFrom: "incidentOpened",
    summary: {
      deploymentFrequency: {
        deployments: 84,
        perDay: 4.2,
        deployDaysPerWeekMedian: 5,
        level: "elite",
        previous: { deployments: 78, perDay: 3.9, deployDaysPerWeekMedian: 5, level: "elite" },
        change: { deployments: 6, perDay: 0.3, deployDaysPerWeekMedian: 0 },
      },
      leadTime: {
        changes: 170,
        medianHours: 19.2,
        p90Hours: 80,
        level: "elite",
        excludedNegative: 0,
        previous: { changes: 160, medianHours: 21.7, p90Hours: 90, level: "elite", excludedNegative: 0 },
        change: { changes: 10, medianHours: -2.5, p90Hours: -10, excludedNegative: 0 },
      },
      changeFailureRate: {
        deployments: 84,
        failed: 7,
        rate: 7 / 84,
        level: "high",
        previous: { deployments: 78, failed: 5, rate: 5 / 78, level: "high" },
        change: { deployments: 6, failed: 2, rate: 7 / 84 - 5 / 78 },
      },
      recoveryTime: {
        incidents: 6,
        medianHours: 3.5,
        p90Hours: 30,
        level: "high",
        open: 2,
        excludedNegative: 0,
        previous: { incidents: 5, medianHours: 3.5, p90Hours: 20, level: "high", open: 0, excludedNegative: 0 },
        change: { incidents: 1, medianHours: 0, p90Hours: 10, open: 2, excludedNegative: 0 },
      },
      reworkRate: {
        deployments: 84,
        rework: 4,
        rate: 4 / 84,
        previous: { deployments: 0, rework: 0, rate: null },
        change: { deployments: 84, rework: 4, rate: null },
      },
    },
    series: [bucket("2026-11-02"), bucket("2026-11-09", { leadTimeMedianHours: null, changes: 0 }), bucket("2026-11-16", { deployments: 24 })],
    dataQuality: {
      changesWithNegativeLeadTime: none,
      deploymentsWithoutCommits: none,
      incidentsWithoutService: none,
      openIncidents: { count: 2, examples: ["inc-0061", "inc-0060"] },
    },
    ...overrides,
  } as DoraMetrics;
}

test("the five tiles show their value in plain units", () => {
  const tiles = doraTiles(report());
  expect(tiles.map((t) => [t.title, plain(valueText(t.value))])).toEqual([
    ["Deployment frequency", "4.2 per day"],
    ["Lead time for changes", "19 h median"],
    ["Change failure rate", "8.3%"],
    ["Failed deployment recovery time", "3.5 h median"],
    ["Deployment rework rate", "4.8%"],
  ]);
  expect(tiles.map((t) => t.level)).toEqual(["elite", "elite", "high", "high", null]);
  expect(tiles.map((t) => t.hasLevel)).toEqual([true, true, true, true, false]);
});

test("the change is coloured by what is good for that metric", () => {
  const [frequency, lead, failure, recovery, rework] = doraTiles(report());
  // More deployments: better. Shorter lead time: better. A higher failure rate: worse.
  expect([frequency?.change.tone, plain(frequency?.change.text ?? "")]).toEqual(["better", "▲ 0.3 per day"]);
  expect([lead?.change.tone, plain(lead?.change.text ?? "")]).toEqual(["better", "▼ 2.5 h"]);
  expect([failure?.change.tone, plain(failure?.change.text ?? "")]).toEqual(["worse", "▲ 1.9 pts"]);
  expect(plain(failure?.change.previous ?? "")).toBe("6.4%");
  expect(failure?.change.sentence).toMatch(/^Up 1\.9 percentage points from 6\.4% in the previous period \(14 Oct 2026 – 1 Nov 2026\): worse\.$/);
  expect([recovery?.change.tone, recovery?.change.text]).toEqual(["same", "No change"]);
  expect([rework?.change.tone, rework?.change.text]).toEqual(["none", "No earlier data"]);
});

test("a worse lead time and a better failure rate read the other way", () => {
  const r = report();
  r.summary.leadTime.change.medianHours = 4;
  r.summary.changeFailureRate.change.rate = -0.02;
  const [, lead, failure] = doraTiles(r);
  expect([lead?.change.tone, plain(lead?.change.text ?? "")]).toEqual(["worse", "▲ 4 h"]);
  expect([failure?.change.tone, plain(failure?.change.text ?? "")]).toEqual(["better", "▼ 2.0 pts"]);
});

test("details say what each value rests on", () => {
  expect(doraTiles(report()).map((t) => plain(t.detail))).toEqual([
    "84 deployments · on 5 days a week (median)",
    "90th percentile 3.3 days · 170 changes",
    "7 of 84 deployments caused a failure",
    "90th percentile 30 h · 6 resolved incidents · 2 open",
    "4 of 84 deployments were rollbacks or fixes",
  ]);
});

test("no value reads as No data, with no level and no comparison", () => {
  const r = report();
  r.summary.leadTime = {
    ...r.summary.leadTime,
    medianHours: null,
    p90Hours: null,
    level: null,
    changes: 0,
    change: { changes: -160, medianHours: null, p90Hours: null, excludedNegative: 0 },
  };
  const lead = doraTiles(r)[1];
  expect(valueText(lead?.value ?? null)).toBe("No data");
  expect(lead?.level).toBeNull();
  expect(lead?.change.tone).toBe("none");
});

test.each([
  [4.2, "per day", 4.2],
  [1, "per day", 1],
  [0.5, "per week", 3.5],
  [1 / 7, "per week", 1],
  [0.05, "per month", 1.5],
])("%d deployments a day read %s", (perDay, unit, shown) => {
  const { factor, unit: u } = frequencyUnit(perDay);
  expect(u).toBe(unit);
  expect(perDay * factor).toBeCloseTo(shown, 10);
});

test("sparklines and trends take every week, and know the current week is unfinished", () => {
  const tiles = doraTiles(report());
  expect(tiles[0]?.spark).toEqual([30, 30, 24]);
  expect(tiles[1]?.spark).toEqual([20, null, 20]);
  expect(tiles[0]?.lastWeekPartial).toBe(true);
  const [frequency, lead] = doraTrends(report());
  expect(frequency?.points.map((p) => [p.bucketStart, p.value, p.partial, p.note])).toEqual([
    ["2026-11-02", 30, false, "on 5 days"],
    ["2026-11-09", 30, false, "on 5 days"],
    ["2026-11-16", 24, true, "on 5 days"],
  ]);
  expect(lead?.points[1]).toMatchObject({ value: null, note: "median of 0 changes" });
  expect(trendLabel(frequency!, String)).toBe(
    "Line chart of deployments per week from the week of 2 Nov 2026 to the week of 16 Nov 2026. Latest full week (9 Nov 2026): 30.",
  );
});

test.each([
  ["2026-11-16", "2026-11-21T12:00:00Z", "UTC", true],
  ["2026-11-09", "2026-11-21T12:00:00Z", "UTC", false],
  ["2026-11-16", "2026-11-23T00:00:00Z", "UTC", false],
  // Sunday 23:30 UTC is Monday in Tokyo: the Tokyo week of 16 Nov is over.
  ["2026-11-16", "2026-11-22T23:30:00Z", "Asia/Tokyo", false],
  ["2026-11-16", "2026-11-22T23:30:00Z", "UTC", true],
])("the week of %s is unfinished at %s in %s: %s", (week, to, timeZone, partial) => {
  expect(weekIsPartial(week, to, timeZone)).toBe(partial);
});

test("the data-quality note speaks only when the data is thin or odd", () => {
  expect(dataQualityNotes(report()).map((n) => n.key)).toEqual(["open-incidents"]);
  const thin = report();
  thin.summary.deploymentFrequency.deployments = 4;
  thin.summary.leadTime.changes = 3;
  thin.summary.recoveryTime.incidents = 1;
  thin.dataQuality.changesWithNegativeLeadTime = { count: 2, examples: ["abcdef0123456789", "0123456789abcdef"] };
  thin.dataQuality.incidentsWithoutService = { count: 1, examples: ["inc-0007"] };
  const notes = dataQualityNotes(thin);
  expect(notes.map((n) => n.key)).toEqual([
    "few-deployments",
    "few-changes",
    "few-incidents",
    "negative-lead-time",
    "open-incidents",
    "incidents-without-service",
  ]);
  expect(notes[0]?.text).toBe("Only 4 successful deployments in this period: one failure more or less moves the change failure rate by 25 points.");
  expect(notes[3]).toMatchObject({ examples: ["abcdef01", "01234567"], text: expect.stringContaining("2 changes were left out of lead time") });
  expect(notes[4]).toMatchObject({ link: "openIncidents", examples: ["inc-0061", "inc-0060"] });
  expect(notes[5]?.text).toContain("1 incident has no service");
  const empty = report();
  empty.summary.deploymentFrequency.deployments = 0;
  expect(dataQualityNotes(empty)[0]?.key).toBe("no-deployments");
});

test("the window and the method are said in words", () => {
  expect(windowLabel(report())).toBe("2 Nov 2026 – 21 Nov 2026");
  expect(methodSentence(report())).toBe(
    "Weeks start on Monday in UTC. Levels follow the DORA 2023 report; incidents count against a deployment for up to 7 days after it.",
  );
  expect(methodSentence({ ...report(), recoveryTimeFrom: "deploymentFinished" })).toMatch(/ Recovery time runs from the failed deployment's finish\.$/);
});

test("a previous period that started before Keel's records is not compared with", () => {
  // Records start on 20 Oct, after the previous period began on 14 Oct.
  const tiles = doraTiles(report(), "2026-10-20T08:00:00.000Z");
  for (const tile of tiles) expect(tile.change).toMatchObject({ tone: "none", text: "No full earlier period to compare", previous: null });
  expect(tiles[0]?.change.sentence).toBe(
    "Keel's records start on 20 Oct 2026, after the previous period (14 Oct 2026 – 1 Nov 2026) began, so there is no fair comparison.",
  );
  expect(dataQualityNotes(report(), "2026-10-20T08:00:00.000Z")[0]?.key).toBe("previous-incomplete");
  // Records from before the previous period: compared as usual.
  expect(doraTiles(report(), "2026-09-01T00:00:00.000Z")[0]?.change.tone).toBe("better");
  expect(dataQualityNotes(report(), "2026-09-01T00:00:00.000Z").map((n) => n.key)).toEqual(["open-incidents"]);
});
