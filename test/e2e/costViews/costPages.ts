// What the cost views' browser tests share: the API token their Keel is started with, the figures
// as the page must write them, and waiting for a page's charts, window and figures.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { SLOW } from "../../support/browser.ts";

export const TOKEN = "e2e-cost-views-token-0123456789";

// Written independently of the web app's formatters: the page must show the API's money to the
// cent, as US dollars with thousands separators, and hours with one decimal.
export const usd = (n: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(n);
export const hours = (n: number) => `${new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n)} h`;
export const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
export const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The ISO week (2026-W46) holding a UTC date; the demo organisation's time zone is UTC. */
export function isoWeekOf(date: Date): string {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Waits until every chart on the page has drawn; returns how many there are. */
export async function chartsReady(page: Page, expected: number): Promise<void> {
  await expect.poll(() => page.locator('[data-testid="chart"][data-chart-ready="true"]').count(), { timeout: SLOW }).toBe(expected);
}

export async function windowOf(page: Page): Promise<{ from: string; to: string }> {
  const bar = page.locator(".filter-window");
  await bar.waitFor({ timeout: SLOW });
  const from = await bar.getAttribute("data-window-from");
  const to = await bar.getAttribute("data-window-to");
  if (!from || !to) throw new Error("the page does not say its window");
  return { from, to };
}

export async function textOf(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId);
  await locator.waitFor({ timeout: SLOW });
  return (await locator.textContent()) ?? "";
}

export async function phoneFits(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
