// The demo data set (docs/demo.md) through the real loader and the API: every cost story shows,
// and the API's figures, the weekly report (JSON and Markdown) and the business sentences agree to
// the cent. The sentences are read back: every number in them is parsed and checked against the
// figure the API gives for it, within the rounding the sentence shows.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadDemoIfEmpty } from "../../../server/src/services/loadDemo.ts";
import type { InvestmentBalance } from "../../../server/src/services/getInvestmentBalance.ts";
import type { WeeklyReport } from "../../../server/src/services/getWeeklyReport.ts";
import type { DoraMetrics } from "../dora/support.ts";
import { startTestApp, type TestApp } from "../../support/httpApp.ts";
import { flakyTests, getJson, hoursLost, type FlakyTests, type HoursLost } from "./support.ts";
import { isoWeekOf, localDate, mondayOf, previousIsoWeek } from "@keel/shared/calendar";

let app: TestApp;
const now = new Date();
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// The demo's 120 days, as whole UTC days up to and including today.
const all = { from: day(now.getTime() - 120 * DAY), to: day(now.getTime() + DAY) };
const lastWeek = previousIsoWeek(isoWeekOf(mondayOf(localDate(now, "UTC"))));

beforeAll(async () => {
  app = await startTestApp();
  const loaded = await loadDemoIfEmpty({ db: app.database.prisma, now });
  // About a thousand: the count moves between 1,000 and 1,030 with the hour the demo is made.
  expect(loaded?.testReports).toBeGreaterThan(900);
}, 300_000);
afterAll(() => app.close());

describe("the demo's stories", () => {
  let flaky: FlakyTests;
  beforeAll(async () => {
    flaky = await flakyTests(app, { ...all, limit: "50" });
  });

  test("a costly flaky test, still flaky; its other variant is stable", () => {
    const top = flaky.tests[0];
    expect(top).toMatchObject({
      service: "checkout-web",
      suite: "checkout.payment.spec.ts",
      name: "payment step › applies a promo code",
      variant: "webkit",
      state: "flaky",
    });
    // The count moves with the hour of the week the demo is made: 83 to 124 (docs/demo.md). Every
    // blocking failure costs at least the 23-minute context switch.
    expect(top?.blockingFailures).toBeGreaterThan(80);
    expect((top?.hoursLost ?? 0) / (top?.blockingFailures ?? 1)).toBeGreaterThan(23 / 60);
    expect(top?.hoursLost).toBeGreaterThan(35);
    expect(top?.costUsd).toBeGreaterThan(3500);
    expect(top?.paybackWeeks).toBeLessThan(4);
    expect(flaky.tests.find((t) => t.name === top?.name && t.variant === "chromium")).toBeUndefined();
  });

  test("a fixed test with cost avoided; the in-report retries are flaky but not blocking", async () => {
    const fixed = flaky.tests.find((t) => t.name === "redeliversAfterTimeout");
    expect(fixed).toMatchObject({ state: "fixed", paybackWeeks: null });
    const avoided = (await hoursLost(app, all)).costAvoided.fixedTests;
    expect(avoided.tests.map((t) => t.test.name)).toEqual(["redeliversAfterTimeout"]);
    expect(avoided.hours).toBeGreaterThan(10);
    expect(avoided.costUsd).toBeGreaterThan(1000);
    // The web app's default view, 13 full weeks up to this week's Monday, tells the same story.
    const monday = mondayOf(localDate(now, "UTC"));
    const fullWeeks = { from: day(Date.parse(`${monday}T00:00:00Z`) - 91 * DAY), to: monday };
    const fixedInView = (await hoursLost(app, fullWeeks)).costAvoided.fixedTests;
    expect(fixedInView.tests.map((t) => t.test.name)).toEqual(["redeliversAfterTimeout"]);
    const retried = flaky.tests.find((t) => t.name === "evictsIdleSessionsAfterTimeout");
    expect(retried).toMatchObject({ blockingFailures: 0, hoursLost: 0 });
    expect(retried?.flakyFailures).toBeGreaterThan(10);
  });

  test("the broken test and the CI outage are not flaky, and are reported apart", () => {
    expect(flaky.tests.map((t) => t.name)).not.toContain("rejectsPasswordsFromBreachList");
    expect(flaky.brokenTests.map((t) => t.name)).toContain("rejectsPasswordsFromBreachList");
    expect(flaky.infrastructureOutages).toEqual([expect.objectContaining({ serviceSlug: "checkout-web", attempt: 1 })]);
    expect(flaky.total).toBe(4);
  });

  test("Payments above its 20% target with falling hours lost; Checkout below with rising ones", async () => {
    const r = await getJson<InvestmentBalance>(app, "/api/v1/metrics/investment", all);
    const payments = r.teams.find((t) => t.team === "payments");
    const checkout = r.teams.find((t) => t.team === "checkout");
    expect(payments?.target).toBe(0.2);
    expect(payments?.total.status).toBe("above");
    expect(payments?.hoursLostTrend?.direction).toBe("falling");
    expect(checkout?.total.status).toBe("below");
    expect(checkout?.hoursLostTrend?.direction).toBe("rising");
    for (const t of r.teams) expect(t.total.unclassifiedShare).toBeGreaterThan(0.05);
  });
});

// ---- Reading the sentences back ----

/** A number as written in a sentence, and the tolerance its rounding implies (half a last digit). */
function shown(text: string): { value: number; tolerance: number } {
  const clean = text.replace(/[$,%]/g, "");
  const decimals = clean.includes(".") ? (clean.split(".")[1]?.length ?? 0) : 0;
  return { value: Number(clean), tolerance: 0.5 * 10 ** -decimals + 1e-9 };
}

function expectShown(text: string | undefined, actual: number, what: string, scale = 1): void {
  expect(text, `${what}: missing`).toBeDefined();
  const { value, tolerance } = shown(text as string);
  expect(Math.abs(value - actual * scale), `${what}: "${text}" for ${actual * scale}`).toBeLessThanOrEqual(tolerance);
}

function checkSentences(r: WeeklyReport, hours: HoursLost, flakyTop: FlakyTests, investment: InvestmentBalance): number {
  const s = hours.summary;
  let checked = 0;
  for (const summary of r.summaries) {
    const text = summary.text;
    let m: RegExpExecArray | null;
    switch (summary.id) {
      case "flakyTests": {
        m =
          /^(?:Flaky tests cost .+? ([\d,.]+) engineer-hours .+? \(about (\$[\d,]+)(?:, ([\d.]+%) of .+?, ([\d.]+) sprints a month|; .+)?\)\.|No flaky test blocked a build of .+?: flaky tests cost it ([\d,.]+) engineer-hours \(about (\$[\d,]+)\)\.)(?: Fixing (?:the top flaky test|the top (\d+)) \(about ([\d,.]+) hours of work\) pays back in ([\d.]+) weeks\.)?$/.exec(
            text,
          );
        expect(m, text).not.toBeNull();
        if (!m) break;
        expectShown(m[1] ?? m[5], s.flakyTests, "flaky hours");
        expectShown(m[2] ?? m[6], s.costByCause.flakyTests, "flaky cost");
        if (m[3]) expectShown(m[3], s.byCause.flakyTests.capacityShare ?? Number.NaN, "flaky capacity share", 100);
        if (m[4]) expectShown(m[4], s.byCause.flakyTests.sprintsLostPerMonth ?? Number.NaN, "flaky sprints");
        if (m[8]) {
          // Σ effort ÷ Σ weekly hours of the top 3 unfixed tests that lose hours, from the flaky-tests API.
          const top = flakyTop.tests.filter((t) => t.state !== "fixed" && t.hoursLost > 0).slice(0, 3);
          expect(Number(m[7] ?? 1)).toBe(top.length);
          const effort = top.reduce((n, t) => n + t.fixEffortHours, 0);
          expectShown(m[8], effort, "fix effort");
          expectShown(m[9], effort / top.reduce((n, t) => n + t.weeklyHoursLost, 0), "payback weeks");
        }
        break;
      }
      case "failedChanges":
        m =
          /^Failed changes cost .+? ([\d,.]+) engineer-hours .+? \((\d+) incidents? caused by changes and (\d+) rollbacks? or hotfix(?:es)?\), about (\$[\d,]+)\.$/.exec(
            text,
          );
        expect(m, text).not.toBeNull();
        if (!m) break;
        expectShown(m[1], s.changeFailures + s.rework, "failed-change hours");
        expect(Number(m[2])).toBe(s.counts.incidents);
        expect(Number(m[3])).toBe(s.counts.reworkDeployments);
        expectShown(m[4], s.costByCause.changeFailures + s.costByCause.rework, "failed-change cost");
        break;
      case "total":
        m =
          /^In all, .+? lost ([\d,.]+) engineer-hours .+? \(about (\$[\d,]+)(?:, ([\d.]+%) of .+?, ([\d.]+) sprints a month|; .+)?\), (?:up from|down from|about the same as) ([\d,.]+) hours .+\.$/.exec(
            text,
          );
        expect(m, text).not.toBeNull();
        if (!m) break;
        expectShown(m[1], s.total, "total hours");
        expectShown(m[2], s.costUsd, "total cost");
        if (m[3]) expectShown(m[3], s.capacityShare ?? Number.NaN, "capacity share", 100);
        if (m[4]) expectShown(m[4], s.sprintsLostPerMonth ?? Number.NaN, "sprints");
        expectShown(m[5], s.previous.total, "previous hours");
        break;
      case "fixedTests": {
        const f = hours.costAvoided.fixedTests;
        m =
          /^Fixing (?:a flaky test|\d+ flaky tests) saved .+? about ([\d,.]+) engineer-hours .+? \(about (\$[\d,]+)\), and ([\d,.]+) hours \(about (\$[\d,]+)\) since the fix\.$/.exec(
            text,
          );
        expect(m, text).not.toBeNull();
        if (!m) break;
        expectShown(m[1], f.hoursInWindow, "avoided hours in the week");
        expectShown(m[2], f.costUsdInWindow, "avoided cost in the week");
        expectShown(m[3], f.hours, "avoided hours since the fix");
        expectShown(m[4], f.costUsd, "avoided cost since the fix");
        break;
      }
      case "deliveryImprovement": {
        const d = hours.costAvoided.deliveryImprovements;
        m = /avoided about ([\d,.]+) engineer-hours .+? \(about (\$[\d,]+)\)\.$/.exec(text);
        expect(m, text).not.toBeNull();
        if (!m) break;
        expectShown(m[1], d.hours, "delivery hours");
        expectShown(m[2], d.costUsd, "delivery cost");
        for (const [, team, before, after] of text.matchAll(/(\w[\w-]*) ([\d.]+)% → ([\d.]+)%/g)) {
          const t = d.teams.find((x) => x.team === team);
          expectShown(before, t?.baselineRate ?? Number.NaN, `${team} baseline rate`, 100);
          expectShown(after, t?.currentRate ?? Number.NaN, `${team} current rate`, 100);
        }
        break;
      }
      case "investment": {
        m = /^The (.+) team spent ([\d.]+%) of its (\d+) changes? .+ on debt, (?:above|below|on) its ([\d.]+%) target \(([\d.]+%) unclassified\)\.$/.exec(text);
        expect(m, text).not.toBeNull();
        if (!m) break;
        const t = investment.teams.find((x) => x.name === m?.[1]);
        expectShown(m[2], t?.total.debtShare ?? Number.NaN, "debt share", 100);
        expect(Number(m[3])).toBe(t?.total.changes);
        expectShown(m[4], t?.target ?? Number.NaN, "target", 100);
        expectShown(m[5], t?.total.unclassifiedShare ?? Number.NaN, "unclassified share", 100);
        break;
      }
    }
    checked++;
  }
  return checked;
}

const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

describe("the API, the weekly report and the summaries agree to the cent", () => {
  test.each([
    ["the organisation", undefined],
    ["payments", "payments"],
    ["checkout", "checkout"],
    ["platform", "platform"],
  ])("last full week: %s", async (_name, team) => {
    const params: Record<string, string> = { week: lastWeek, ...(team ? { team } : {}) };
    const r = await getJson<WeeklyReport>(app, "/api/v1/reports/weekly", params);
    expect(r.period).toBe("last week");
    const window = { from: r.window.from.slice(0, 10), to: r.window.to.slice(0, 10), ...(team ? { team } : {}) };
    const [hours, flaky, investment, dora] = await Promise.all([
      hoursLost(app, window),
      flakyTests(app, { ...window, limit: "5" }),
      getJson<InvestmentBalance>(app, "/api/v1/metrics/investment", window),
      getJson<DoraMetrics>(app, "/api/v1/metrics/dora", window),
    ]);
    // The report's figures are the API's, exactly.
    expect(r.hoursLost).toEqual(hours.summary);
    expect(r.costAvoided).toEqual(hours.costAvoided);
    expect(r.byTeam).toEqual(hours.byTeam);
    expect(r.costModel).toEqual(hours.costModel);
    expect(r.topFlakyTests).toEqual(flaky.tests);
    expect(r.investment.teams).toEqual(investment.teams);
    expect(r.dora.summary).toEqual(dora.summary);
    // Money adds up: causes to the total, the week's incidents to the change-failure hours.
    const s = hours.summary;
    expect(Math.round((s.costByCause.flakyTests + s.costByCause.changeFailures + s.costByCause.rework) * 100)).toBe(Math.round(s.costUsd * 100));
    expect(r.incidents.reduce((n, i) => n + i.hoursLost, 0)).toBeCloseTo(s.changeFailures, 9);
    // The Markdown shows the same cents.
    const md = await (await app.request(`/api/v1/reports/weekly?${new URLSearchParams({ ...params, format: "md" })}`)).text();
    for (const cents of [s.costUsd, s.costByCause.flakyTests, s.costByCause.changeFailures, s.costByCause.rework]) expect(md).toContain(usd(cents));
    for (const t of flaky.tests) expect(md).toContain(usd(t.costUsd));
    // Every sentence read back against the API's figures.
    expect(checkSentences(r, hours, flaky, investment)).toBe(r.summaries.length);
    expect(r.summaries.length).toBeGreaterThanOrEqual(3);
    for (const summary of r.summaries) {
      expect(summary.howComputed.costModel).toBe(hours.costModel.label);
      expect(md).toContain(
        summary.text
          .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
          .replace(/&/g, "&amp;")
          .replace(/</g, "&lt;")
          .replace(/>/g, "&gt;"),
      );
    }
  });
});
