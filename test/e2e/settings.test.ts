// Browser tests of the Settings page against its own Keel process with the demo data (they change
// settings, so no other test shares it): an API token is shown once, works, and is revoked after a
// confirmation; a new time zone changes the Overview's weeks; teams are created, renamed and given
// services.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DoraMetrics } from "../../server/src/services/getDoraMetrics.ts";
import { launchBrowser, openPage, screenshot } from "../support/browser.ts";
import { startKeelProcess, type KeelProcess } from "../support/keelProcess.ts";
import { expectTilesMatchApi, overviewReady } from "../support/overviewTiles.ts";

const TOKEN = "e2e-settings-token-0123456789";
const PHONE = { width: 390, height: 844 };

let keel: KeelProcess;
let browser: Browser;

beforeAll(async () => {
  keel = await startKeelProcess({ KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN, KEEL_DATA_DIR: mkdtempSync(path.join(tmpdir(), "keel-e2e-settings-")) }, 170_000);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await keel?.stop();
});

const doraPath = "/api/v1/metrics/dora?from=2026-01-05&to=2026-01-12";

async function api(pathAndQuery: string): Promise<DoraMetrics> {
  const res = await fetch(`${keel.url}/api/v1${pathAndQuery}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status, pathAndQuery).toBe(200);
  return (await res.json()) as DoraMetrics;
}

async function dataSince(): Promise<string | null> {
  const body = (await (await fetch(`${keel.url}/trpc/catalog.list`)).json()) as { result: { data: { dataSince: string | null } } };
  return body.result.data.dataSince;
}

describe("API tokens", () => {
  test("a new token is shown once, works on the API, and is revoked after a confirmation", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: keel.url });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${keel.url}/settings`);
    // With KEEL_API_TOKEN set, Keel creates no first-start token: the list starts empty, and says so.
    await page.locator("#tokens").getByText("No API tokens yet.").waitFor();

    await page.locator("#new-token-name").fill("grafana");
    await page.locator("#new-token-scope").selectOption("read");
    await page.getByRole("button", { name: "Create token" }).click();
    const shown = page.getByTestId("new-token");
    await shown.waitFor();
    const token = await page.locator("#new-token-value").inputValue();
    expect(token).toMatch(/^keel_[\w-]{20,}$/);
    await expect(shown.textContent()).resolves.toContain("it will not be shown again");
    await page.getByRole("button", { name: "Copy" }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "settings-new-token");

    // It works at once, with its scope.
    expect((await fetch(`${keel.url}${doraPath}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const row = page.locator("tr[data-token=grafana]");
    await expect(row.locator("td").nth(1).textContent()).resolves.toBe(token.slice(0, 10) + "…");
    await expect.poll(async () => {
      await page.reload();
      await row.waitFor();
      return row.locator("td").nth(3).textContent();
    }).not.toBe("never");

    // Shown once: after Done (or a reload, above) the page holds only its first characters.
    expect(await page.content()).not.toContain(token);

    await row.getByRole("button", { name: "Revoke grafana" }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke grafana?" });
    await dialog.waitFor();
    // Asked first: keeping it changes nothing.
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect((await fetch(`${keel.url}${doraPath}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await row.getByRole("button", { name: "Revoke grafana" }).click();
    await dialog.getByRole("button", { name: "Revoke token" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect(row.locator("td").nth(4).textContent()).resolves.toMatch(/^Revoked /);
    expect((await fetch(`${keel.url}${doraPath}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  });
});

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
    await page.getByLabel("Attribution window (days)").fill("400");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.locator("#attributionWindowDays-error").textContent()).resolves.toBe("must be at most 90 days");
    expect(await page.getByLabel("Attribution window (days)").getAttribute("aria-invalid")).toBe("true");
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

  test("the cost model section shows the inputs in force and links to the view that uses them", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/settings`);
    const inputs = page.getByTestId("cost-model-inputs");
    await inputs.waitFor();
    await expect(inputs.textContent()).resolves.toContain("loaded hourly rate100 USD/hour");
    await page.locator("#cost-model").getByRole("link").click();
    await page.waitForURL(/\/executive$/);
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
