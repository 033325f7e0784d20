// Browser tests of the empty and failed states, against a Keel process with no data at all
// (KEEL_DEMO=0): every page says plainly that there is nothing yet, with no stand-in numbers, and a
// filter the server rejects is explained with a way to retry.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openPage, screenshot, startKeelAndBrowser, stopAll } from "../support/browser.ts";
import { type KeelProcess } from "../support/keelProcess.ts";

let keel: KeelProcess;
let browser: Browser;

beforeAll(async () => {
  ({ keel, browser } = await startKeelAndBrowser("empty", { KEEL_DEMO: "0", KEEL_API_TOKEN: "e2e-empty-token-0123456789" }));
});
afterAll(() => stopAll(browser, keel));

describe("an organisation with no data yet", () => {
  test("the Overview says there is nothing to measure, with no numbers", async () => {
    const { page, problems } = await openPage(browser, keel.url);
    await page.getByText("Nothing to measure here yet").waitFor();
    expect(await page.locator("[data-testid=tile-value]").count()).toBe(0);
    expect(await page.locator("[data-testid=chart]").count()).toBe(0);
    await expect(page.locator("[data-note=no-deployments]").textContent()).resolves.toContain("No successful deployments in this period");
    await screenshot(page, "overview-empty");
    expect(problems).toEqual([]);
  });

  test.each([
    ["/deployments", "No deployments match these filters in this period."],
    ["/incidents", "No incidents match these filters in this period."],
  ])("%s says it has nothing to list", async (route, text) => {
    const { page, problems } = await openPage(browser, `${keel.url}${route}`);
    await page.getByText(text).waitFor();
    await expect(page.locator(".pagination-status").textContent()).resolves.toMatch(/^No /);
    expect(problems).toEqual([]);
  });

  test("Settings has no teams, services or tokens of its own yet, and says so", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/settings`);
    await page.locator("#teams").getByText("No teams yet.").waitFor();
    await page.getByText("No services yet: they appear with their first event.").waitFor();
    // The only token is the one the running server keeps for `keel` commands on this machine.
    await page.locator('#tokens tr[data-token="keel CLI on this machine"]').waitFor();
    expect(await page.locator("#tokens tbody tr").count()).toBe(1);
    expect(problems).toEqual([]);
  });
});

describe("a filter the server rejects", () => {
  test("is explained with the server's words and a way to try again", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/?team=nobody`);
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("The DORA metrics could not be loaded.");
    await expect(alert.textContent()).resolves.toContain("team");
    await alert.getByRole("button", { name: "Try again" }).waitFor();
    // The unknown name stays visible in its filter, so the reader sees what to change.
    expect(await page.getByLabel("Team").inputValue()).toBe("nobody");
    await screenshot(page, "overview-rejected-filter");
    // The browser logs the 400 response itself; nothing else may fail.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
  });
});
