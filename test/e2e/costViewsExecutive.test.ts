// Browser tests of the Executive cost view against a real Keel process with the demo data set: the
// API's hours lost and costs to the cent, the team filter in the URL, A4 print (PNG and PDF), a phone.
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { apiJson, openPage, PHONE, screenshot, screenshotsDir, SLOW, browser, keel, useKeelAndBrowser } from "../support/browser.ts";
import { TOKEN, usd, hours, chartsReady, windowOf, textOf, phoneFits } from "./costViews/costPages.ts";

useKeelAndBrowser("costs-executive", { KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN });

const api = <T>(pathAndQuery: string) => apiJson<T>(keel, TOKEN, pathAndQuery);

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
