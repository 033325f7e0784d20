// Browser tests: one Keel process with the demo data set, Debian's Chromium. Every page loads
// with no console errors; the Overview's chart draws from the database; filters change the URL.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, openPage, screenshot } from "../support/browser.ts";
import { startKeelProcess, type KeelProcess } from "../support/keelProcess.ts";

let keel: KeelProcess;
let browser: Browser;

beforeAll(async () => {
  keel = await startKeelProcess({ KEEL_DEMO: "1", KEEL_DATA_DIR: mkdtempSync(path.join(tmpdir(), "keel-e2e-")) }, 170_000);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await keel?.stop();
});

describe("Overview", () => {
  test("draws the weekly deployments chart from the demo data, with no console errors", async () => {
    const { page, problems } = await openPage(browser, keel.url);
    const chart = page.locator('[data-testid="chart"][data-chart-ready="true"]');
    await chart.waitFor({ timeout: 20_000 });
    // The SVG renderer draws one path per bar; a dozen weeks of demo deployments give many.
    const bars = await chart.locator("svg path").count();
    expect(bars).toBeGreaterThan(10);
    await expect(page.getByText(/successful production deployments/).first().textContent()).resolves.toMatch(/^\d[\d,]* successful/);
    await screenshot(page, "overview");
    expect(problems).toEqual([]);
  });

  test("the period filter is kept in the URL and changes the data", async () => {
    const { page, problems } = await openPage(browser, keel.url);
    await page.locator('[data-testid="chart"][data-chart-ready="true"]').waitFor();
    const sentence = page.getByText(/successful production deployments/).first();
    const before = await sentence.textContent();
    await page.getByLabel("Period").selectOption("4");
    await page.waitForURL(/weeks=4/);
    await expect.poll(() => sentence.textContent()).not.toBe(before);
    expect(problems).toEqual([]);
  });

  test("is usable on a phone-sized screen", async () => {
    const { page, problems } = await openPage(browser, keel.url, { width: 390, height: 844 });
    await page.locator('[data-testid="chart"][data-chart-ready="true"]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, "overview-phone");
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
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain(label === "Flaky tests" ? "Flaky" : label.split(" ")[0]);
    await screenshot(page, route.slice(1));
    expect(problems).toEqual([]);
  });

  test("a deep link loads the app shell (client-side route served by the server)", async () => {
    const res = await fetch(`${keel.url}/weekly-report`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });
});
