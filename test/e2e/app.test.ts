// Browser tests: one Keel process with the demo data set, Debian's Chromium. The Overview's tiles
// and charts draw from the database and say exactly what the REST API says for the same window;
// filters live in the URL and change the data; every page loads with no console errors and is
// screenshotted at 1280 px and 390 px.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DoraMetrics } from "../../server/src/services/getDoraMetrics.ts";
import { openPage, PHONE, screenshot, screenshotOf, startKeelAndBrowser, stopAll } from "../support/browser.ts";
import { type KeelProcess } from "../support/keelProcess.ts";
import { expectTilesMatchApi, overviewReady, readTiles } from "../support/overviewTiles.ts";

const TOKEN = "e2e-app-token-0123456789";

let keel: KeelProcess;
let browser: Browser;
let dataSince: string | null;

beforeAll(async () => {
  ({ keel, browser } = await startKeelAndBrowser("app", { KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN }));
  const catalog = (await (await fetch(`${keel.url}/trpc/catalog.list`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
    result: { data: { dataSince: string | null } };
  };
  dataSince = catalog.result.data.dataSince;
});
afterAll(() => stopAll(browser, keel));

async function api(pathAndQuery: string): Promise<DoraMetrics> {
  const res = await fetch(`${keel.url}/api/v1${pathAndQuery}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status, pathAndQuery).toBe(200);
  return (await res.json()) as DoraMetrics;
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

describe("Overview", () => {
  test("draws five tiles with levels and five weekly charts from the demo data, with no console errors", async () => {
    const { page, problems } = await openPage(browser, keel.url);
    await overviewReady(page);
    const tiles = await readTiles(page);
    expect(Object.keys(tiles)).toEqual(["deploymentFrequency", "leadTime", "changeFailureRate", "recoveryTime", "reworkRate"]);
    // Plain units; a level on every tile but rework rate (docs/demo.md: ~9-10 deploys a day, elite).
    expect(tiles.deploymentFrequency?.value).toMatch(/^\d+\.\d per day$/);
    expect(tiles.leadTime?.value).toMatch(/^\d+(\.\d)? (h|min|days?) median$/);
    expect(tiles.changeFailureRate?.value).toMatch(/^\d+\.\d%$/);
    expect(tiles.recoveryTime?.value).toMatch(/^\d+(\.\d)? (h|min|days?) median$/);
    expect(tiles.reworkRate?.value).toMatch(/^\d+\.\d%$/);
    expect(tiles.deploymentFrequency?.level).toBe("Elite");
    expect(tiles.reworkRate?.level).toBeNull();
    // Every tile has its sparkline; every chart its line (SVG paths) and a readable unit on its axis.
    expect(await page.locator("[data-testid=dora-tiles] svg.sparkline path").count()).toBe(5);
    for (const chart of await page.locator('[data-testid="chart"]').all()) expect(await chart.locator("svg path").count()).toBeGreaterThan(3);
    const failureChart = page.locator('figure[data-metric="changeFailureRate"] [data-testid="chart"]');
    await expect(failureChart.locator("svg text", { hasText: "%" }).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('figure[data-metric="leadTime"] svg text', { hasText: /\d\sh$/ }).count()).resolves.toBeGreaterThan(0);
    // The demo has open incidents and one incident without a service: the note says so.
    await expect(page.locator("[data-note=open-incidents]").textContent()).resolves.toMatch(/2 incidents are still open/);
    // Where pull requests wait: the stacked phases with a legend and the sentence naming the
    // longest phase, or the empty state in words.
    const phases = page.locator('[data-testid="pr-phases"]');
    await phases.locator('[data-testid="chart"][data-chart-ready="true"], .state-empty').first().waitFor({ timeout: 30_000 });
    if ((await phases.locator('[data-testid="chart"]').count()) > 0) {
      await expect(phases.locator('[data-testid="pr-phases-sentence"]').textContent()).resolves.toMatch(
        /^(Coding|Pickup|Review|Deploy) is where pull requests wait longest: \d+(\.\d)? h median over \d+ deployed pull requests?\./,
      );
      for (const phase of ["Coding", "Pickup", "Review", "Deploy"]) await expect(phases.locator("svg text", { hasText: phase }).count()).resolves.toBe(1);
      await expect(phases.locator("svg path").count()).resolves.toBeGreaterThan(4);
    } else {
      await expect(phases.textContent()).resolves.toMatch(/No pull requests were deployed in this period/);
    }
    await phases.scrollIntoViewIfNeeded();
    await screenshotOf(phases, "pull-request-phases");
    await screenshot(page, "overview");
    expect(problems).toEqual([]);
  });

  test("the numbers on the tiles are GET /api/v1/metrics/dora's for the same window", async () => {
    const { page, problems } = await openPage(browser, keel.url);
    await overviewReady(page);
    const report = await expectTilesMatchApi(page, api, dataSince);
    // The default window: four weeks and this week so far, the previous period fully covered, so changes show.
    expect(report.series).toHaveLength(5);
    expect(await page.locator(".tile-change .delta-word").count()).toBeGreaterThan(0);
    // The weekly table says what the API's series says.
    await page.getByText("Show the weekly numbers").click();
    const rows = page.locator(".data-table tbody tr");
    expect(await rows.count()).toBe(report.series.length);
    expect((await rows.last().locator("td").first().textContent())?.trim()).toBe(String(report.series.at(-1)?.deployments));
    expect(problems).toEqual([]);
  });

  test("filters are kept in the URL, change the data, and the tiles still match the API", async () => {
    const { page, problems } = await openPage(browser, keel.url);
    await overviewReady(page);
    const before = await readTiles(page);
    const fromBefore = await page.getByTestId("dora-tiles").getAttribute("data-window-from");

    await page.getByLabel("Period").selectOption("12");
    await page.waitForURL(/weeks=12/);
    await expect.poll(() => page.getByTestId("dora-tiles").getAttribute("data-window-from")).not.toBe(fromBefore);
    await overviewReady(page);
    // Twelve weeks reach before the demo's first day: no comparison with a partly empty period.
    await expect(page.locator("[data-note=previous-incomplete]").count()).resolves.toBe(1);
    await expectTilesMatchApi(page, api, dataSince);

    await page.getByLabel("Team").selectOption("payments");
    await page.waitForURL(/team=payments/);
    await expect.poll(async () => (await readTiles(page)).deploymentFrequency?.detail).not.toBe(before.deploymentFrequency?.detail);
    await overviewReady(page);
    await expectTilesMatchApi(page, api, dataSince, { team: "payments" });
    // The service choices narrow to the team's services.
    const services = await page.getByLabel("Service").locator("option").allTextContents();
    expect(services.slice(1).sort()).toEqual(["Billing Worker", "Ledger", "Payments API"]);
    const teamTiles = await readTiles(page);
    await page.getByLabel("Service").selectOption("ledger");
    await page.waitForURL(/service=ledger/);
    // The URL changes before the new answer is rendered: wait for the tiles to change.
    await expect.poll(async () => (await readTiles(page)).deploymentFrequency?.detail).not.toBe(teamTiles.deploymentFrequency?.detail);
    await overviewReady(page);
    await expectTilesMatchApi(page, api, dataSince, { team: "payments", service: "ledger" });

    // The URL is the view: opening it again shows the same filters and numbers.
    const shared = page.url();
    const again = await openPage(browser, shared);
    await overviewReady(again.page);
    expect(await again.page.getByLabel("Team").inputValue()).toBe("payments");
    expect(await again.page.getByLabel("Service").inputValue()).toBe("ledger");
    expect(await readTiles(again.page)).toEqual(await readTiles(page));
    // Back goes to the previous filters.
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes("service="));
    expect(problems).toEqual([]);
    expect(again.problems).toEqual([]);
  });

  test("the environment filter shows staging's numbers", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/?environment=staging`);
    await overviewReady(page);
    expect(await page.getByLabel("Environment").inputValue()).toBe("staging");
    await expectTilesMatchApi(page, api, dataSince, { environment: "staging" });
    expect(problems).toEqual([]);
  });

  test("is usable on a phone-sized screen", async () => {
    const { page, problems } = await openPage(browser, keel.url, PHONE);
    await overviewReady(page);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "overview-phone");
    expect(problems).toEqual([]);
  });

  test("is usable with the keyboard: the filters have labels and take focus in order", async () => {
    const { page, problems } = await openPage(browser, keel.url);
    await overviewReady(page);
    await page.getByLabel("Period").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("filter-team");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("filter-service");
    // Each chart has an accessible name saying what it plots: the five trends, and the pull-request phases.
    for (const chart of await page.locator('.trends [data-testid="chart"]').all())
      expect(await chart.getAttribute("aria-label")).toMatch(/^Line chart of .+ per week from the week of/);
    for (const chart of await page.getByTestId("pr-phases").getByTestId("chart").all())
      expect(await chart.getAttribute("aria-label")).toMatch(/^Stacked bar chart of the median hours of each pull-request phase per week/);
    expect(await page.locator('[data-testid="chart"]').count()).toBe(5 + (await page.getByTestId("pr-phases").getByTestId("chart").count()));
    expect(problems).toEqual([]);
  });
});

describe("navigation", () => {
  const pages = [
    ["Executive", "/executive"],
    ["Flaky tests", "/flaky-tests"],
    ["Investment", "/investment"],
    ["Deployments", "/deployments"],
    ["Incidents", "/incidents"],
    ["Weekly report", "/weekly-report"],
    ["Settings", "/settings"],
  ] as const;

  test.each(pages)("%s opens from the main navigation with no console errors", async (label, route) => {
    const { page, problems } = await openPage(browser, keel.url);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
    await page.waitForURL(new URL(route, keel.url).toString());
    // The address changes before React has drawn the new page (and the page's code may still be
    // on its way), so the old heading can stand for a moment: wait for the new one.
    await expect
      .poll(() => page.getByRole("heading", { level: 1 }).textContent(), { timeout: 10_000 })
      .toContain(label === "Flaky tests" ? "Flaky" : label.split(" ")[0]);
    await page.waitForLoadState("networkidle");
    await screenshot(page, route.slice(1));
    expect(problems).toEqual([]);
  });

  test.each(pages)("%s loads on a phone with nothing wider than the screen", async (_label, route) => {
    const { page, problems } = await openPage(browser, `${keel.url}${route}`, PHONE);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, `${route.slice(1)}-phone`);
    expect(problems).toEqual([]);
  });

  test("a deep link loads the app shell (client-side route served by the server)", async () => {
    const res = await fetch(`${keel.url}/weekly-report`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });
});
