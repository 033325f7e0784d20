// Browser tests of the Deployments and Incidents pages against one Keel process with the demo data:
// filters in the URL, pages from the server, a deployment's failure causes and an incident's
// deployment linked both ways, the CSV download equal to the REST export, phone layouts.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { openPage, PHONE, screenshot, browser, keel, useKeelAndBrowser } from "../support/browser.ts";

const TOKEN = "e2e-records-token-0123456789";

useKeelAndBrowser("records", { KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN });

async function tableReady(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => !document.querySelector("[aria-busy=true]"), undefined, { timeout: 20_000 });
}

/**
 * Changes a filter and waits for the list's answer to it: the URL changes before React renders
 * the new query, so the old rows can still be on screen, not yet marked busy, when the URL does.
 */
async function choose(page: Page, label: string, value: string, url: RegExp | ((url: URL) => boolean), list: "deployments" | "incidents"): Promise<void> {
  const answered = page.waitForResponse((response) => new URL(response.url()).pathname.includes(`${list}.list`), { timeout: 20_000 });
  await page.getByLabel(label).selectOption(value);
  await page.waitForURL(url);
  await answered;
}

const rowIds = (page: Page, attribute: "data-deployment" | "data-incident") =>
  page.locator(`tbody tr[${attribute}]`).evaluateAll((rows, a) => rows.map((r) => r.getAttribute(a)), attribute);

describe("Deployments", () => {
  test("lists the period's deployments newest first, a page at a time, with no console errors", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/deployments`);
    await tableReady(page, "deployments-table");
    const first = await rowIds(page, "data-deployment");
    expect(first).toHaveLength(25);
    const status = await page.locator(".pagination-status").textContent();
    expect(status).toMatch(/^1–25 of [\d,]+ deployments/);
    await screenshot(page, "deployments");
    await page.getByRole("button", { name: "Next →" }).click();
    await page.waitForURL(/page=2/);
    await expect.poll(() => page.locator(".pagination-status").textContent()).toMatch(/^26–50 of /);
    const second = await rowIds(page, "data-deployment");
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("filters by status, kind and outcome, in the URL", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/deployments`);
    await tableReady(page, "deployments-table");
    await choose(page, "Outcome", "yes", /failure=yes/, "deployments");
    await tableReady(page, "deployments-table");
    const outcomes = await page.locator("tbody tr[data-deployment] td[data-label=Outcome] .badge").allTextContents();
    expect(outcomes.length).toBeGreaterThan(0);
    expect(new Set(outcomes)).toEqual(new Set(["Caused a failure"]));
    await choose(page, "Kind", "rollback", /kind=rollback/, "deployments");
    await choose(page, "Outcome", "", (url) => !url.search.includes("failure="), "deployments");
    await tableReady(page, "deployments-table");
    const kinds = await page.locator("tbody tr[data-deployment] .kind").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["rollback"]));
    await page.getByLabel("Status").selectOption("failure");
    await page.waitForURL(/status=failure/);
    // A failed rollback in the period is up to the day's demo: either failed rollbacks only, or
    // the empty state that says so.
    await page.locator("[data-testid=deployments-table], .state-empty").first().waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => !document.querySelector("[aria-busy=true]"), undefined, { timeout: 20_000 });
    const failedRollbacks = page.locator("tbody tr[data-deployment]");
    if ((await failedRollbacks.count()) > 0) {
      expect(new Set(await failedRollbacks.locator(".kind").allTextContents())).toEqual(new Set(["rollback"]));
      expect(new Set(await failedRollbacks.locator("td[data-label=Status] .status").evaluateAll((spans) => spans.map((s) => s.className)))).toEqual(
        new Set(["status status-failure"]),
      );
    } else {
      await expect(page.locator(".state-empty").textContent()).resolves.toMatch(/\S/);
    }
    expect(problems).toEqual([]);
  });

  test("a failed deployment shows why, and links to its incident, which links back", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/deployments?failure=yes`);
    await tableReady(page, "deployments-table");
    // The first failed deployment whose cause is an incident (not only a rollback).
    const row = page.locator("tbody tr[data-deployment]", { has: page.locator(".outcome-reasons", { hasText: /inc-\d+/ }) }).first();
    const deploymentId = await row.getAttribute("data-deployment");
    await row.locator(".row-toggle").click();
    await page.waitForURL(/selected=/);
    // The URL changes before React renders the open row.
    await expect.poll(() => row.locator(".row-toggle").getAttribute("aria-expanded")).toBe("true");
    const detail = page.getByTestId("deployment-detail");
    await detail.getByTestId("failure-causes").waitFor();
    await expect(detail.getByTestId("failure-causes").textContent()).resolves.toMatch(
      /names this deployment as its cause|names commit|names no cause and opened/,
    );
    await expect(detail.locator(".changes-table, p.muted").first().isVisible()).resolves.toBe(true);
    await screenshot(page, "deployments-open");

    const incidentLink = detail.getByRole("link", { name: /^Open inc-/ }).first();
    const incidentId = /Open (inc-\d+)/.exec((await incidentLink.textContent()) ?? "")?.[1];
    await incidentLink.click();
    await page.waitForURL(new RegExp(`/incidents\\?selected=${incidentId}`));
    const incident = page.getByTestId("incident-detail");
    await incident.waitFor();
    expect(await incident.getAttribute("data-incident")).toBe(incidentId);
    // The incident names the same deployment, and links to it.
    const back = incident.getByTestId("attribution").getByRole("link", { name: deploymentId ?? "" });
    await back.click();
    await page.waitForURL(new RegExp(`/deployments\\?selected=${deploymentId}`));
    await expect.poll(() => page.getByTestId("deployment-detail").getAttribute("data-deployment")).toBe(deploymentId);
    expect(problems).toEqual([]);
  });

  test("downloads the same CSV as the REST export, with the same filters", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/deployments?team=payments`);
    await tableReady(page, "deployments-table");
    const apiPath = ((await page.getByTestId("csv-api-path").textContent()) ?? "").replace(/^GET /, "");
    expect(apiPath).toMatch(/^\/api\/v1\/export\/deployments\.csv\?from=.+&to=.+&team=payments$/);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("csv-download").click()]);
    expect(download.suggestedFilename()).toMatch(/^deployments-.+\.csv$/);
    const file = readFileSync(await download.path(), "utf8");
    const rest = await fetch(`${keel.url}${apiPath}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(rest.status).toBe(200);
    expect(file).toBe(await rest.text());
    // Every payments deployment of the period, as the list counts them (the CSV has a header line).
    const total = Number(/of ([\d,]+) deployments/.exec((await page.locator(".pagination-status").textContent()) ?? "")?.[1]?.replace(/,/g, ""));
    expect(file.trim().split("\n")).toHaveLength(total + 1);
    expect(problems).toEqual([]);
  });

  test("is usable on a phone, a row opening in place", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/deployments?failure=yes`, PHONE);
    await tableReady(page, "deployments-table");
    await page.locator(".row-toggle").first().click();
    await page.getByTestId("deployment-detail").waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, "deployments-open-phone");
    expect(problems).toEqual([]);
  });
});

describe("Incidents", () => {
  test("lists the open incidents apart, each with the deployment it counts against", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/incidents`);
    await tableReady(page, "incidents-table");
    await screenshot(page, "incidents");
    await choose(page, "State", "open", /state=open/, "incidents");
    await tableReady(page, "incidents-table");
    // docs/demo.md: two open incidents, both attributed (one by name, one by the time window).
    const titles = await page.locator("tbody tr[data-incident] .record-title").allTextContents();
    expect(titles.sort()).toEqual(["Cart totals stale after removing an item", "Promo codes rejected for some EU shoppers"]);
    const causedBy = await page.locator("tbody tr[data-incident] td[data-label='Caused by']").allTextContents();
    expect(causedBy.some((t) => /dep-cart-api-\d+ \(time window\)/.test(t))).toBe(true);
    expect(causedBy.some((t) => /dep-checkout-web-\d+ \(named\)/.test(t))).toBe(true);
    expect(problems).toEqual([]);
  });

  test("an incident attributed to nothing says why", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/incidents?weeks=26`);
    await tableReady(page, "incidents-table");
    // docs/demo.md: "Corporate SSO provider degraded" has no service and no cause.
    let row = page.locator("tbody tr[data-incident]", { hasText: "Corporate SSO provider degraded" });
    while ((await row.count()) === 0) {
      await page.getByRole("button", { name: "Next →" }).click();
      await tableReady(page, "incidents-table");
      row = page.locator("tbody tr[data-incident]", { hasText: "Corporate SSO provider degraded" });
    }
    await row.locator(".row-toggle").click();
    await expect(page.getByTestId("incident-detail").getByTestId("attribution").textContent()).resolves.toBe(
      "It has no service and names no cause, so Keel attributes it to nothing.",
    );
    expect(problems).toEqual([]);
  });

  test("the severity filter and a phone layout", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/incidents`, PHONE);
    await tableReady(page, "incidents-table");
    await choose(page, "Severity", "sev1", /severity=sev1/, "incidents");
    await tableReady(page, "incidents-table");
    const severities = await page.locator("tbody tr[data-incident] .severity").allTextContents();
    expect(new Set(severities)).toEqual(new Set(["sev1"]));
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await screenshot(page, "incidents-phone-sev1");
    expect(problems).toEqual([]);
  });
});
