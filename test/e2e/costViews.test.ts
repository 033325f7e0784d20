// Browser tests of the cost views (Executive, Flaky tests, Investment, Weekly report) against one
// real Keel process with the demo data set. Figures on the page are checked against the REST API
// (KEEL_API_TOKEN), the demo's stories (docs/demo.md) must be visible, and every page is
// screenshotted at 1280 px and 390 px, the Executive also for print (PNG and A4 PDF).
import { mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openPage, screenshot, screenshotsDir, startKeelAndBrowser, stopAll } from "../support/browser.ts";
import { type KeelProcess } from "../support/keelProcess.ts";

const TOKEN = "e2e-cost-views-token-0123456789";
const PHONE = { width: 390, height: 844 };
const SLOW = 30_000;

let keel: KeelProcess;
let browser: Browser;

beforeAll(async () => {
  ({ keel, browser } = await startKeelAndBrowser("costs", { KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN }));
});
afterAll(() => stopAll(browser, keel));

async function api<T>(pathAndQuery: string): Promise<T> {
  const res = await fetch(`${keel.url}/api/v1${pathAndQuery}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status, pathAndQuery).toBe(200);
  return (await res.json()) as T;
}

async function apiText(pathAndQuery: string, accept: string): Promise<string> {
  const res = await fetch(`${keel.url}/api/v1${pathAndQuery}`, { headers: { authorization: `Bearer ${TOKEN}`, accept } });
  expect(res.status, pathAndQuery).toBe(200);
  return res.text();
}

// Written independently of the web app's formatters: the page must show the API's money to the
// cent, as US dollars with thousands separators, and hours with one decimal.
const usd = (n: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(n);
const hours = (n: number) => `${new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n)} h`;
const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The ISO week (2026-W46) holding a UTC date; the demo organisation's time zone is UTC. */
function isoWeekOf(date: Date): string {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Waits until every chart on the page has drawn; returns how many there are. */
async function chartsReady(page: Page, expected: number): Promise<void> {
  await expect.poll(() => page.locator('[data-testid="chart"][data-chart-ready="true"]').count(), { timeout: SLOW }).toBe(expected);
}

async function windowOf(page: Page): Promise<{ from: string; to: string }> {
  const bar = page.locator(".filter-window");
  await bar.waitFor({ timeout: SLOW });
  const from = await bar.getAttribute("data-window-from");
  const to = await bar.getAttribute("data-window-to");
  if (!from || !to) throw new Error("the page does not say its window");
  return { from, to };
}

async function textOf(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId);
  await locator.waitFor({ timeout: SLOW });
  return (await locator.textContent()) ?? "";
}

async function phoneFits(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

interface HoursLostAnswer {
  summary: {
    total: number;
    costUsd: number;
    byCause: Record<"flakyTests" | "changeFailures" | "rework", { hours: number; costUsd: number }>;
  };
  costAvoided: { totalCostUsd: number; fixedTests: { tests: { test: { name: string }; costUsd: number }[] } };
}

async function expectFiguresOfApi(page: Page, query: string): Promise<void> {
  const answer = await api<HoursLostAnswer>(`/metrics/hours-lost?${query}`);
  const s = answer.summary;
  await expect.poll(() => textOf(page, "figure-cost"), { timeout: SLOW }).toContain(usd(s.costUsd));
  expect(await textOf(page, "figure-hours")).toContain(hours(s.total));
  expect(await textOf(page, "cause-cost-total")).toBe(usd(s.costUsd));
  for (const cause of ["flakyTests", "changeFailures", "rework"] as const) {
    expect(await textOf(page, `cause-cost-${cause}`)).toBe(usd(s.byCause[cause].costUsd));
    expect(await textOf(page, `cause-hours-${cause}`)).toBe(hours(s.byCause[cause].hours));
  }
  expect(await textOf(page, "figure-avoided")).toContain(usd(answer.costAvoided.totalCostUsd));
}

describe("Executive", () => {
  test("shows the API's hours lost and costs to the cent, the sentences and the slip, with no console errors", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/executive`);
    await chartsReady(page, 1);
    const { from, to } = await windowOf(page);
    await expectFiguresOfApi(page, new URLSearchParams({ from, to }).toString());

    // The sentences come with their arithmetic.
    const sentences = page.locator(".summary-item");
    await expect.poll(() => sentences.count(), { timeout: SLOW }).toBeGreaterThan(2);
    await expect(sentences.first().textContent()).resolves.toMatch(/^Flaky tests cost the organisation/);
    await sentences.first().getByText("How this was computed").click();
    await expect(sentences.first().locator(".how-computed-body").textContent()).resolves.toMatch(/Cost model: org v0/);
    // The demo's stories: Platform slipped last week; the fixed webhook test saved money.
    await expect(textOf(page, "slipped-sentence")).resolves.toMatch(/^Last week \(.+\), Platform slipped the most: it lost \d/);
    await expect(page.locator(".exec-avoided").textContent()).resolves.toContain("redeliversAfterTimeout");

    await screenshot(page, "cost-executive-1280");
    expect(problems).toEqual([]);
  });

  test("the team filter is kept in the URL and the figures follow the API's for that team", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/executive?weeks=4`);
    await chartsReady(page, 1);
    await page.getByLabel("Team", { exact: true }).selectOption("payments");
    await page.waitForURL(/team=payments/);
    expect(page.url()).toMatch(/weeks=4/);
    const { from, to } = await windowOf(page);
    await expectFiguresOfApi(page, new URLSearchParams({ from, to, team: "payments" }).toString());
    expect(problems).toEqual([]);
  });

  test("prints on A4: no navigation or filters, the sentences first", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/executive`);
    await chartsReady(page, 1);
    await page.locator(".summary-item").first().waitFor({ timeout: SLOW });
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".app-header").isVisible()).resolves.toBe(false);
    await expect(page.locator(".filter-bar").isVisible()).resolves.toBe(false);
    await expect(page.locator(".print-scope").isVisible()).resolves.toBe(true);
    const summaries = await page.locator(".exec-summaries").boundingBox();
    const figures = await page.locator(".exec-figures").boundingBox();
    expect(summaries && figures && summaries.y < figures.y).toBe(true);
    await screenshot(page, "cost-executive-print");
    mkdirSync(screenshotsDir, { recursive: true });
    const pdf = path.join(screenshotsDir, "cost-executive.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    expect(statSync(pdf).size).toBeGreaterThan(20_000);
    expect(problems).toEqual([]);
  });

  test("fits a phone", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/executive`, PHONE);
    await chartsReady(page, 1);
    await page.locator(".summary-item").first().waitFor({ timeout: SLOW });
    await phoneFits(page);
    await screenshot(page, "cost-executive-390");
    expect(problems).toEqual([]);
  });
});

interface FlakyHistoryAnswer {
  shas: { commitSha: string; flaky: boolean; outageAttempts: number; attempts: { outcomes: string[] }[] }[];
  totalShas: number;
}

/** The details' "Runs by commit" shows the API's shas, attempts and runs, in the API's order. */
async function expectRunsByCommitOfApi(page: Page, testId: number, query: string): Promise<FlakyHistoryAnswer> {
  const answer = await api<FlakyHistoryAnswer>(`/metrics/flaky-tests/${testId}/history?${query}`);
  expect(answer.shas.length).toBeGreaterThan(0);
  const rows = page.locator("#flaky-detail .commit-row");
  await expect.poll(() => rows.count(), { timeout: SLOW }).toBe(answer.shas.length);
  const seen = await rows.evaluateAll((items) =>
    items.map((row) => ({
      sha: row.getAttribute("data-sha"),
      attempts: row.querySelectorAll(".attempt-chip").length,
      runs: row.querySelectorAll(".attempt-chip .run-mark").length,
      flaky: row.querySelector('[data-badge="flaky"]') !== null,
      outage: row.querySelector('[data-badge="outage"]') !== null,
    })),
  );
  expect(seen).toEqual(
    answer.shas.map((s) => ({
      sha: s.commitSha,
      attempts: s.attempts.length,
      runs: s.attempts.reduce((n, a) => n + a.outcomes.length, 0),
      flaky: s.flaky,
      outage: s.outageAttempts > 0,
    })),
  );
  // The story of a flaky test: on at least one of its commits it both failed and passed.
  expect(seen.some((r) => r.flaky)).toBe(true);
  // Every attempt says what happened in words, not only in colour.
  const firstChip = rows.first().locator(".attempt-chip").first();
  await expect(firstChip.locator(".visually-hidden").textContent()).resolves.toMatch(/^Attempt .+ on \d{1,2} \w{3} \d{4}: (passed|failed|error|skipped)/);
  return answer;
}

describe("Flaky tests", () => {
  test("ranks the costly test first, sorts from the keyboard and opens a test's details", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/flaky-tests`);
    const rows = page.locator(".flaky-table tbody tr");
    await rows.first().waitFor({ timeout: SLOW });
    const { from, to } = await windowOf(page);
    const ranking = await api<{ tests: { id: number; name: string; costUsd: number; state: string }[] }>(
      `/metrics/flaky-tests?${new URLSearchParams({ from, to }).toString()}`,
    );
    const top = ranking.tests[0];
    expect(top?.name).toBe("payment step › applies a promo code");
    await expect(rows.first().textContent()).resolves.toContain(usd(top?.costUsd ?? -1));
    await expect(rows.first().textContent()).resolves.toContain("[webkit]");
    // The fixed webhook test is in the ranking, with what its fix saved.
    const fixed = rows.filter({ hasText: "redeliversAfterTimeout" });
    await expect(fixed.textContent()).resolves.toContain("Fixed");
    await expect.poll(() => fixed.textContent(), { timeout: SLOW }).toMatch(/saved \$[\d,]+\.\d\d/);
    await screenshot(page, "cost-flaky-tests-1280");

    // Sort by cost, cheapest first, with the keyboard.
    const costHeader = page.locator(".flaky-table thead th").filter({ hasText: "Cost" });
    await costHeader.getByRole("button").focus();
    await page.keyboard.press("Enter");
    await expect(costHeader.getAttribute("aria-sort")).resolves.toBe("descending");
    await page.keyboard.press("Enter");
    await expect(costHeader.getAttribute("aria-sort")).resolves.toBe("ascending");
    const cheapest = [...ranking.tests].sort((a, b) => a.costUsd - b.costUsd || 0)[0];
    await expect(rows.first().textContent()).resolves.toContain(usd(cheapest?.costUsd ?? -1));

    // Details of the costly test: its weekly history draws, and the choice is in the URL.
    await page.getByRole("button", { name: "payment step › applies a promo code [webkit]" }).click();
    await page.waitForURL(new RegExp(`test=${top?.id}`));
    const detail = page.locator("#flaky-detail");
    await detail.waitFor({ timeout: SLOW });
    await expect(page.locator("#flaky-detail-heading").textContent()).resolves.toBe("payment step › applies a promo code [webkit]");
    await chartsReady(page, 1);
    await expect(detail.getByLabel("Estimated fix effort (hours)").inputValue()).resolves.toBe("4");
    await expectRunsByCommitOfApi(page, top?.id ?? -1, new URLSearchParams({ from, to }).toString());
    await screenshot(page, "cost-flaky-tests-detail-1280");
    await detail.getByRole("button", { name: "Close details" }).click();
    // Closing changes the URL first; the panel goes when React renders it.
    await expect.poll(() => detail.count()).toBe(0);

    // Infrastructure outages and broken tests are reported apart.
    await expect(page.locator("#left-out-heading").locator("..").textContent()).resolves.toMatch(/build-checkout-web-\d+-a1.*rejectsPasswordsFromBreachList/s);
    expect(problems).toEqual([]);
  });

  test("fits a phone", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/flaky-tests`, PHONE);
    await page.locator(".flaky-table tbody tr").first().waitFor({ timeout: SLOW });
    await phoneFits(page);
    await screenshot(page, "cost-flaky-tests-390");
    expect(problems).toEqual([]);
  });

  test("a test's runs by commit fit a phone", async () => {
    const { page: list } = await openPage(browser, `${keel.url}/flaky-tests`);
    await list.locator(".flaky-table tbody tr").first().waitFor({ timeout: SLOW });
    const { from, to } = await windowOf(list);
    const ranking = await api<{ tests: { id: number }[] }>(`/metrics/flaky-tests?${new URLSearchParams({ from, to }).toString()}`);
    const id = ranking.tests[0]?.id ?? -1;
    await list.close();

    const { page, problems } = await openPage(browser, `${keel.url}/flaky-tests?test=${id}`, PHONE);
    await page.locator("#flaky-detail").waitFor({ timeout: SLOW });
    await expectRunsByCommitOfApi(page, id, new URLSearchParams({ from, to }).toString());
    await phoneFits(page);
    await screenshot(page, "cost-flaky-tests-detail-390");
    expect(problems).toEqual([]);
  });
});

describe("Investment", () => {
  interface Balance {
    teams: { team: string; name: string; target: number; total: { debtShare: number }; hoursLostTrend: { direction: string } }[];
  }

  test("the team selector changes the URL and the data; the demo's teams tell their stories", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/investment`);
    await chartsReady(page, 2);
    const { from, to } = await windowOf(page);
    const balance = await api<Balance>(`/metrics/investment?${new URLSearchParams({ from, to }).toString()}`);
    const checkout = balance.teams.find((t) => t.team === "checkout");
    const payments = balance.teams.find((t) => t.team === "payments");
    if (!checkout || !payments) throw new Error("the demo has Checkout and Payments");

    // The first team (Checkout) by default: below its target, hours lost rising.
    const answer = page.getByTestId("paying-off");
    await expect(answer.textContent()).resolves.toMatch(
      new RegExp(
        `^Checkout is below its debt target: it put ${escaped(percent(checkout.total.debtShare))} of its [\\d,]+ changes into debt \\(target 20\\.0%\\), and its hours lost rose`,
      ),
    );
    expect(checkout.hoursLostTrend.direction).toBe("rising");
    await screenshot(page, "cost-investment-1280");

    await page.getByLabel("Team", { exact: true }).selectOption("payments");
    await page.waitForURL(/team=payments/);
    await expect
      .poll(() => answer.textContent(), { timeout: SLOW })
      .toMatch(
        new RegExp(
          `^So far, yes: Payments put ${escaped(percent(payments.total.debtShare))} of its [\\d,]+ changes into debt \\(target 20\\.0%\\), and its hours lost fell`,
        ),
      );
    await chartsReady(page, 2);
    // The unclassified share is shown, never hidden.
    await expect(page.locator(".panel").first().textContent()).resolves.toMatch(/\d+\.\d% of its changes are unclassified/);
    expect(problems).toEqual([]);
  });

  test("fits a phone", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/investment`, PHONE);
    await chartsReady(page, 2);
    await phoneFits(page);
    await screenshot(page, "cost-investment-390");
    expect(problems).toEqual([]);
  });
});

describe("Weekly report", () => {
  const lastFullWeek = () => isoWeekOf(new Date(Date.now() - 7 * 86_400_000));

  test("renders the last full week, and the Markdown download is the API's Markdown", async () => {
    const week = lastFullWeek();
    const { page, problems } = await openPage(browser, `${keel.url}/weekly-report`);
    const heading = page.locator("#report-heading");
    await heading.waitFor({ timeout: SLOW });
    await expect(heading.textContent()).resolves.toBe(`Weekly health report ${week}: the organisation`);
    const report = await api<{ hoursLost: { costUsd: number }; incidents: { service: string | null }[] }>(`/reports/weekly?week=${week}`);
    await expect(textOf(page, "report-total-cost")).resolves.toBe(usd(report.hoursLost.costUsd));
    // The slip week: identity-api's incidents are listed.
    expect(report.incidents.some((i) => i.service === "identity-api")).toBe(true);
    await expect(page.locator("#report-incidents").locator("..").textContent()).resolves.toContain("identity-api");
    await screenshot(page, "cost-weekly-report-1280");

    const [download] = await Promise.all([page.waitForEvent("download", { timeout: SLOW }), page.getByRole("link", { name: "Download as Markdown" }).click()]);
    expect(download.suggestedFilename()).toBe(`keel-weekly-report-${week}.md`);
    const file = await download.path();
    const markdown = await apiText(`/reports/weekly?week=${week}`, "text/markdown");
    expect(markdown).toMatch(/^# Weekly health report/);
    expect(readFileSync(file, "utf8")).toBe(markdown);
    expect(problems).toEqual([]);
  });

  test("the week and team are chosen in the URL", async () => {
    const week = lastFullWeek();
    const { page, problems } = await openPage(browser, `${keel.url}/weekly-report?team=platform`);
    const heading = page.locator("#report-heading");
    await expect.poll(() => heading.textContent(), { timeout: SLOW }).toBe(`Weekly health report ${week}: Platform team`);
    await page.getByRole("button", { name: "Previous week" }).click();
    await page.waitForURL(/week=\d{4}-W\d{2}/);
    const previous = new URL(page.url()).searchParams.get("week");
    expect(previous).not.toBe(week);
    await expect.poll(() => heading.textContent(), { timeout: SLOW }).toBe(`Weekly health report ${previous}: Platform team`);
    expect(new URL(page.url()).searchParams.get("team")).toBe("platform");
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: SLOW }), page.getByRole("link", { name: "Download as Markdown" }).click()]);
    expect(readFileSync(await download.path(), "utf8")).toBe(await apiText(`/reports/weekly?week=${previous}&team=platform`, "text/markdown"));
    expect(problems).toEqual([]);
  });

  test("fits a phone", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/weekly-report`, PHONE);
    await page.locator("#report-heading").waitFor({ timeout: SLOW });
    await phoneFits(page);
    await screenshot(page, "cost-weekly-report-390");
    expect(problems).toEqual([]);
  });
});
