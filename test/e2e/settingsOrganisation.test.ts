// Browser tests of the organisation's settings against its own Keel process with the demo data (they
// change settings, so no other test shares it): a new time zone changes the Overview's weeks, the
// report year and attribution window are named there; teams are created, renamed and given services.
import { describe, expect, test } from "vitest";
import type { DoraMetrics } from "../../server/src/services/getDoraMetrics.ts";
import { apiJson, openPage, PHONE, screenshot, browser, keel, useKeelAndBrowser } from "../support/browser.ts";
import { expectTilesMatchApi, overviewReady } from "../support/overviewTiles.ts";

const TOKEN = "e2e-settings-organisation-token-0123456789";
useKeelAndBrowser("settings-organisation", { KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN });

const api = (pathAndQuery: string) => apiJson<DoraMetrics>(keel, TOKEN, pathAndQuery);

async function dataSince(): Promise<string | null> {
  const body = (await (await fetch(`${keel.url}/trpc/catalog.list`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
    result: { data: { dataSince: string | null } };
  };
  return body.result.data.dataSince;
}

describe("organisation settings", () => {
  test("a new time zone moves the Overview's weeks, and its tiles still match the API", async () => {
    const { page, problems } = await openPage(browser, keel.url);
    await overviewReady(page);
    const utcFrom = await page.getByTestId("dora-tiles").getAttribute("data-window-from");
    expect(utcFrom).toMatch(/T00:00:00\.000Z$/);
    await expect(page.locator(".summary-compare").textContent()).resolves.toContain("Weeks start on Monday in UTC");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Time zone").selectOption("Asia/Tokyo");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.locator("#organisation .form-success").textContent()).toContain("Weeks now start on Monday in Asia/Tokyo");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await expect.poll(() => page.locator(".summary-compare").textContent()).toContain("Weeks start on Monday in Asia/Tokyo");
    await overviewReady(page);
    // Monday 00:00 in Tokyo is Sunday 15:00 UTC.
    const tokyoFrom = await page.getByTestId("dora-tiles").getAttribute("data-window-from");
    expect(tokyoFrom).toMatch(/T15:00:00\.000Z$/);
    const report = await expectTilesMatchApi(page, api, await dataSince());
    expect(report.timeZone).toBe("Asia/Tokyo");
    expect(problems).toEqual([]);
  });

  test("the DORA report year is stored and named on the Overview", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/settings`);
    await page.getByLabel("DORA levels").selectOption("2024");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.locator("#organisation .form-success").textContent()).toContain("DORA 2024 report");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await expect.poll(() => page.locator(".summary-compare").textContent()).toContain("Levels follow the DORA 2024 report");
    expect(problems).toEqual([]);
  });

  test("a value the server would refuse is explained beside its field", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/settings`);
    await expect(page.getByLabel("Attribution window unit").inputValue()).resolves.toBe("days");
    await page.getByLabel("Attribution window", { exact: true }).fill("400");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.locator("#attributionWindowDays-error").textContent()).resolves.toBe("must be at most 90 days");
    expect(await page.getByLabel("Attribution window", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(problems).toEqual([]);
  });

  test("the attribution window is set in hours, kept in hours and named on the Overview", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/settings`);
    await page.getByLabel("Attribution window", { exact: true }).fill("6");
    await page.getByLabel("Attribution window unit").selectOption("hours");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.locator("#organisation .form-success").textContent()).toContain("Saved");
    await page.reload();
    await expect(page.getByLabel("Attribution window", { exact: true }).inputValue()).resolves.toBe("6");
    await expect(page.getByLabel("Attribution window unit").inputValue()).resolves.toBe("hours");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await expect.poll(() => page.locator(".summary-compare").textContent()).toContain("for up to 6 hours after it");
    // Leaving while the Overview still loads its chart code would abort that request (a problem).
    await page.waitForLoadState("networkidle");
    // Back to days, as an older client would send it.
    await page.goto(`${keel.url}/settings`);
    await page.getByLabel("Attribution window", { exact: true }).fill("7");
    await page.getByLabel("Attribution window unit").selectOption("days");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect.poll(() => page.locator("#organisation .form-success").textContent()).toContain("Saved");
    expect(problems).toEqual([]);
  });
});

describe("teams and services", () => {
  test("a team is created, renamed and given a service, and the Overview's filter offers it", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/settings`);
    await page.getByTestId("teams-table").waitFor();
    await page.locator("#new-team-name").fill("Mobile Apps");
    await expect(page.locator("#new-team-slug").inputValue()).resolves.toBe("mobile-apps");
    await page.locator("#new-team-size").fill("4");
    await page.getByRole("button", { name: "Create team" }).click();
    const row = page.locator("tr[data-team=mobile-apps]");
    await row.waitFor();

    await row.getByRole("button", { name: "Edit Mobile Apps" }).click();
    await page.locator("#edit-team-mobile-apps-name").fill("Mobile");
    await page.locator("#edit-team-mobile-apps-debt").fill("30");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => row.locator("th").textContent()).toBe("Mobile");
    await expect(row.locator("td").nth(2).textContent()).resolves.toBe("30%");

    await page.getByLabel("Notifications").selectOption("mobile-apps");
    await page.locator("#services .form-success", { hasText: "Notifications now belongs to Mobile." }).waitFor();
    await screenshot(page, "settings");

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Overview" }).click();
    await overviewReady(page);
    await page.getByLabel("Team").selectOption("mobile-apps");
    await page.waitForURL(/team=mobile-apps/);
    await overviewReady(page);
    expect(await page.getByLabel("Service").locator("option").allTextContents()).toEqual(["All the team's services", "Notifications"]);
    await expectTilesMatchApi(page, api, await dataSince(), { team: "mobile-apps" });
    expect(problems).toEqual([]);
  });

  test("the settings page on a phone", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/settings`, PHONE);
    await page.getByTestId("tokens-table").waitFor();
    await page.getByTestId("teams-table").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, "settings-phone");
    expect(problems).toEqual([]);
  });
});
