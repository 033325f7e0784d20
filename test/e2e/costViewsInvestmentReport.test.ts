// Browser tests of the Investment and Weekly report views against a real Keel process with the
// demo data set: the demo's teams tell their stories, the report is the API's (Markdown too), a phone.
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { apiJson, openPage, PHONE, screenshot, SLOW, apiText, browser, keel, useKeelAndBrowser } from "../support/browser.ts";
import { TOKEN, usd, percent, escaped, isoWeekOf, chartsReady, windowOf, textOf, phoneFits } from "./costViews/costPages.ts";

useKeelAndBrowser("costs-investment", { KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN });

const api = <T>(pathAndQuery: string) => apiJson<T>(keel, TOKEN, pathAndQuery);

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
    const markdown = await apiText(keel, TOKEN, `/reports/weekly?week=${week}`, "text/markdown");
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
    expect(readFileSync(await download.path(), "utf8")).toBe(await apiText(keel, TOKEN, `/reports/weekly?week=${previous}&team=platform`, "text/markdown"));
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
