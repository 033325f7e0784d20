// Browser tests of the Flaky tests view against a real Keel process with the demo data set: the
// ranking and its figures checked against the REST API, a test's details and runs by commit, a phone.
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { apiJson, openPage, PHONE, screenshot, SLOW, browser, keel, useKeelAndBrowser } from "../support/browser.ts";
import { TOKEN, usd, chartsReady, windowOf, phoneFits } from "./costViews/costPages.ts";

useKeelAndBrowser("costs-flaky", { KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN });

const api = <T>(pathAndQuery: string) => apiJson<T>(keel, TOKEN, pathAndQuery);

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
