import { DEFAULT_COST_MODEL_INPUTS } from "@keel/shared";
import { describe, expect, test } from "vitest";
import { buildSummaries, type SummaryInput } from "./summaries.ts";

const base: SummaryInput = {
  scope: { kind: "team", name: "the Payments team" },
  period: "last week",
  previousPeriod: "the week before",
  hours: {
    flakyTests: 31.2,
    changeFailures: 10,
    rework: 4,
    total: 45.2,
    costUsd: 4520.4,
    costByCause: { flakyTests: 3120.4, changeFailures: 1000, rework: 400 },
    ciMinutes: 50,
    capacityShare: 45.2 / 400,
    sprintsLostPerMonth: (45.2 * 52) / 12 / 800,
    capacityBasis: { engineers: 10, teamsCounted: ["payments"], teamsWithoutSize: [], hoursCounted: 45.2, weeks: 1 },
    counts: {
      blockingFailures: 60,
      flakyFailures: 70,
      rerunHours: 16.4,
      incidents: 2,
      recoveryHours: 5,
      hoursWithOwnResponders: 10,
      hoursPerDefaultResponder: 0,
      incidentsWithDefaultResponders: 0,
      reworkDeployments: 2,
    },
    byCause: { flakyTests: { capacityShare: 31.2 / 400, sprintsLostPerMonth: (31.2 * 52) / 12 / 800 } },
  },
  previous: { total: 50, costUsd: 5000 },
  topFix: { tests: 3, effortHours: 12, weeklyHoursLost: 6, paybackWeeks: 2 },
  fixedTests: { hours: 0, costUsd: 0, hoursInWindow: 0, costUsdInWindow: 0, tests: [] },
  delivery: { hours: 0, costUsd: 0, teams: [] },
  investment: [{ team: "payments", name: "the Payments team", target: 0.2, debtShare: 0.3, unclassifiedShare: 0.1, changes: 40 }],
  costModel: { version: 3, teamVersions: [{ team: "payments", version: 1 }], label: "org v3 + payments v1", inputs: DEFAULT_COST_MODEL_INPUTS },
};

describe("business summaries", () => {
  test("the product's example sentence, from the figures", () => {
    const [flaky] = buildSummaries(base);
    // 31.2 h → "31"; $3,120.40 → "$3,120"; 31.2 ÷ 400 = 7.8%; 31.2 × 52/12 ÷ 800 = 0.169 → "0.17"
    expect(flaky?.text).toBe(
      "Flaky tests cost the Payments team 31 engineer-hours last week (about $3,120, 7.8% of its capacity, 0.17 sprints a month). Fixing the top 3 (about 12 hours of work) pays back in 2.0 weeks.",
    );
    expect(flaky?.figures.map((f) => [f.name, f.shown])).toEqual([
      ["flakyTests", "31"],
      ["flakyTestsCostUsd", "$3,120"],
      ["capacityShare", "7.8%"],
      ["sprintsLostPerMonth", "0.17"],
      ["topFixEffortHours", "12"],
      ["topFixPaybackWeeks", "2.0"],
    ]);
    expect(flaky?.howComputed.costModel).toBe("org v3 + payments v1");
    expect(flaky?.howComputed.inputs).toContainEqual({ name: "contextSwitchMinutes", value: 23, unit: "minutes" });
  });

  test("every sentence, in order", () => {
    expect(buildSummaries(base).map((s) => s.text)).toEqual([
      expect.any(String),
      "Failed changes cost the Payments team 14 engineer-hours last week (2 incidents caused by changes and 2 rollbacks or hotfixes), about $1,400.",
      "In all, the Payments team lost 45 engineer-hours last week (about $4,520, 11.3% of its capacity, 0.24 sprints a month), down from 50 hours the week before.",
      "The Payments team spent 30.0% of its 40 changes last week on debt, above its 20.0% target (10.0% unclassified).",
    ]);
  });

  test("a team with no size: the capacity share is unknown, said so, never 0%", () => {
    const s = buildSummaries({
      ...base,
      hours: { ...base.hours, capacityShare: null, sprintsLostPerMonth: null, byCause: { flakyTests: { capacityShare: null, sprintsLostPerMonth: null } } },
    });
    expect(s[0]?.text).toContain("(about $3,120; its share of capacity is unknown because the team's size is not set)");
    expect(s.map((x) => x.text).join(" ")).not.toMatch(/(?<![\d.])0\.0%/);
  });

  test("no blocking flaky failure; fixed tests and a lower failure rate add their sentences", () => {
    const s = buildSummaries({
      ...base,
      scope: { kind: "organisation", name: "the organisation" },
      hours: { ...base.hours, flakyTests: 0, costByCause: { ...base.hours.costByCause, flakyTests: 0 }, counts: { ...base.hours.counts, blockingFailures: 0 } },
      topFix: { tests: 0, effortHours: 0, weeklyHoursLost: 0, paybackWeeks: null },
      fixedTests: {
        hours: 24.1,
        costUsd: 2414.06,
        hoursInWindow: 2.8,
        costUsdInWindow: 280.2,
        tests: [{ name: "Webhook › redelivers", fixDate: "2026-09-22T08:01:44.727Z", weeklyHoursBefore: 2.8, weeksSinceFix: 8.6 }],
      },
      delivery: {
        hours: 19.4,
        costUsd: 1940,
        teams: [
          { team: "payments", baselineRate: 0.133, currentRate: 0.063, currentDeployments: 60, baselineHoursPerFailure: 4.6, hours: 19.4, costUsd: 1940 },
        ],
      },
    });
    expect(s.map((x) => x.id)).toEqual(["flakyTests", "failedChanges", "total", "fixedTests", "deliveryImprovement", "investment"]);
    expect(s[0]?.text).toBe("No flaky test blocked a build of the organisation last week: flaky tests cost it 0.0 engineer-hours (about $0).");
    expect(s[3]?.text).toBe(
      "Fixing a flaky test saved the organisation about 2.8 engineer-hours last week (about $280), and 24 hours (about $2,414) since the fix.",
    );
    expect(s[4]?.text).toBe(
      "A lower change failure rate (payments 13.3% → 6.3%, against the week before) avoided about 19 engineer-hours last week (about $1,940).",
    );
  });
});
