// Browser tests of the Settings page against its own Keel process with the demo data (they change
// settings, so no other test shares it): an API token is shown once, works, and is revoked after a
// confirmation; a new time zone changes the Overview's weeks; teams are created, renamed and given
// services; the cost model is edited, for the organisation and a team, with its version history.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { DoraMetrics } from "../../server/src/services/getDoraMetrics.ts";
import { openPage, screenshot, screenshotOf, screenshotsDir, startKeelAndBrowser, stopAll, clipboardPage } from "../support/browser.ts";
import { type KeelProcess } from "../support/keelProcess.ts";
import { expectTilesMatchApi, overviewReady } from "../support/overviewTiles.ts";

const TOKEN = "e2e-settings-token-0123456789";
const PHONE = { width: 390, height: 844 };
/** Metrics over the demo's 120 days take a few seconds on a busy machine. */
const SLOW = 30_000;

let keel: KeelProcess;
let browser: Browser;

beforeAll(async () => {
  ({ keel, browser } = await startKeelAndBrowser("settings", { KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN }));
});
afterAll(() => stopAll(browser, keel));

const doraPath = "/api/v1/metrics/dora?from=2026-01-05&to=2026-01-12";

async function api(pathAndQuery: string): Promise<DoraMetrics> {
  const res = await fetch(`${keel.url}/api/v1${pathAndQuery}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status, pathAndQuery).toBe(200);
  return (await res.json()) as DoraMetrics;
}

async function dataSince(): Promise<string | null> {
  const body = (await (await fetch(`${keel.url}/trpc/catalog.list`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
    result: { data: { dataSince: string | null } };
  };
  return body.result.data.dataSince;
}

describe("API tokens", () => {
  test("a new token is shown once, works on the API, and is revoked after a confirmation", async () => {
    const { context, page, problems } = await clipboardPage(browser, keel.url);
    await page.goto(`${keel.url}/settings`);
    // With KEEL_API_TOKEN set, Keel creates no first-start token: the list starts with only the
    // token the running server keeps for `keel` commands on this machine (docs/security.md).
    await page.locator('#tokens tr[data-token="keel CLI on this machine"]').waitFor();
    expect(await page.locator("#tokens tbody tr").count()).toBe(1);

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
    await expect
      .poll(async () => {
        await page.reload();
        await row.waitFor();
        return row.locator("td").nth(3).textContent();
      })
      .not.toBe("never");

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

// ---- Cost model -------------------------------------------------------------------------------

interface CostModelAnswer {
  organisation: { version: number; inputs: Record<string, number> };
  teams: { team: string; name: string; version: number; overrides: Record<string, number> }[];
}

async function costModel(): Promise<CostModelAnswer> {
  const body = (await (await fetch(`${keel.url}/trpc/costModel.get`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
    result: { data: CostModelAnswer };
  };
  return body.result.data;
}

async function costModelUpdate(input: object): Promise<void> {
  const res = await fetch(`${keel.url}/trpc/costModel.update`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(input),
  });
  expect(res.status).toBe(200);
}

/** The cost model used by the figures: what GET /metrics/hours-lost says it applied. */
async function hoursLostCostModel(): Promise<{ version: number; label: string; inputs: Record<string, number> }> {
  const res = await fetch(`${keel.url}/api/v1/metrics/hours-lost`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { costModel: { version: number; label: string; inputs: Record<string, number> } }).costModel;
}

/**
 * Puts the organisation's hourly rate and a team's overrides back as they were, through the API,
 * whatever a test left behind: other tests here read money figures, so an edit must not outlive
 * the test that made it. (Other browser test files run their own Keel process.)
 */
async function restoreCostModel(before: CostModelAnswer): Promise<void> {
  const now = await costModel();
  const rate = before.organisation.inputs.loadedHourlyRateUsd;
  if (now.organisation.inputs.loadedHourlyRateUsd !== rate)
    await costModelUpdate({ inputs: { loadedHourlyRateUsd: rate }, note: "restored by the browser test" });
  for (const team of now.teams) {
    const was = before.teams.find((t) => t.team === team.team)?.overrides ?? {};
    const names = new Set([...Object.keys(was), ...Object.keys(team.overrides)]);
    const inputs = Object.fromEntries([...names].filter((n) => was[n] !== team.overrides[n]).map((n) => [n, was[n] ?? null]));
    if (Object.keys(inputs).length > 0) await costModelUpdate({ team: team.team, inputs, note: "restored by the browser test" });
  }
}

/** The cost model section alone (the whole settings page is long), cut from the full page so the sticky header stays at its top. */
async function sectionScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotsDir, { recursive: true });
  const clip = await page.locator("#cost-model").evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
  });
  await page.screenshot({ path: path.join(screenshotsDir, `${name}.png`), fullPage: true, clip });
}

/** The inputs each costModel.update the page sends (to check that only changed inputs go). */
function recordUpdates(page: Page): Record<string, unknown>[] {
  const sent: Record<string, unknown>[] = [];
  page.on("request", (request) => {
    if (!request.url().includes("costModel.update")) return;
    const body = request.postDataJSON() as Record<string, { inputs?: Record<string, unknown> } | undefined>;
    // httpBatchLink sends {"0": input, ...}.
    for (const input of Object.values(body)) sent.push(input?.inputs ?? {});
  });
  return sent;
}

describe("cost model", () => {
  const rateLabel = "Loaded hourly rate (USD/hour)";

  test("the organisation's hourly rate is edited with a note: a new version, its diff in the history, the API's figures and the Executive view use it", async () => {
    const before = await costModel();
    expect(before.organisation.inputs.loadedHourlyRateUsd).toBe(100);
    const { page, problems } = await openPage(browser, keel.url + "/executive");
    try {
      // The Executive view first, so its figures are in the page's cache when the edit is saved.
      await expect.poll(() => page.locator(".exec-figures").textContent(), { timeout: SLOW }).toContain("at $100.00 an hour");
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
      const form = page.getByTestId("cost-org-form");
      const rate = form.getByLabel(rateLabel);
      await expect.poll(() => rate.inputValue()).toBe("100");
      await expect(form.locator("#cost-org-loadedHourlyRateUsd-help").textContent()).resolves.toBe("Default: 100");
      // Nothing edited yet in this Keel: the history says the defaults are in force.
      expect(before.organisation.version).toBe(0);
      await expect(page.locator("#cost-model .state-empty").first().textContent()).resolves.toBe(
        "No edits yet: the organisation uses the defaults (version 0).",
      );
      const sent = recordUpdates(page);

      await rate.fill("120");
      await form.getByLabel("Why this change (optional)").fill("2026 salary review");
      await form.getByRole("button", { name: "Save cost model" }).click();
      const version = before.organisation.version + 1;
      await expect.poll(() => form.locator(".form-success").textContent()).toBe(`Saved: the organisation's cost model is now version ${version}.`);
      // Only the changed input was sent.
      expect(sent).toEqual([{ loadedHourlyRateUsd: 120 }]);

      const row = page.getByTestId("cost-history-org").locator(`tr[data-version="${version}"]`);
      await expect.poll(() => row.locator(".cost-history-changes").textContent()).toBe("loaded hourly rate: 100 → 120");
      await expect(row.locator(".cost-history-note").textContent()).resolves.toBe("2026 salary review");
      await expect(rate.inputValue()).resolves.toBe("120");
      await expect(page.getByTestId("cost-model-version").textContent()).resolves.toMatch(new RegExp(`^Version ${version} for the organisation`));

      const after = await costModel();
      expect(after.organisation).toEqual({ version, inputs: { ...before.organisation.inputs, loadedHourlyRateUsd: 120 } });
      const used = await hoursLostCostModel();
      expect(used.version).toBe(version);
      expect(used.inputs.loadedHourlyRateUsd).toBe(120);
      await screenshot(page, "settings-cost-model");
      await sectionScreenshot(page, "settings-cost-model-section");

      // The Executive view's cached figures were refreshed by the edit, not left at the old rate.
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Executive" }).click();
      await expect.poll(() => page.locator(".exec-figures").textContent(), { timeout: SLOW }).toContain("at $120.00 an hour");

      // Back as it was, through the page: a second version, its diff the other way.
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
      await page.getByTestId("cost-org-form").getByLabel(rateLabel).fill("100");
      await page.getByTestId("cost-org-form").getByRole("button", { name: "Save cost model" }).click();
      const restored = page.getByTestId("cost-history-org").locator(`tr[data-version="${version + 1}"]`);
      await expect.poll(() => restored.locator(".cost-history-changes").textContent()).toBe("loaded hourly rate: 120 → 100");
      await expect(restored.locator(".cost-history-note").textContent()).resolves.toBe("none");
      expect((await hoursLostCostModel()).inputs.loadedHourlyRateUsd).toBe(100);
      expect(problems).toEqual([]);
    } finally {
      await restoreCostModel(before);
      await page.close();
    }
  });

  test.each([
    ["-5", "must be at least 0"],
    ["", "must be a number"],
  ])("an hourly rate of %j is refused beside its field and stores nothing", async (typed, message) => {
    const before = await costModel();
    const { page, problems } = await openPage(browser, `${keel.url}/settings#cost-model`);
    try {
      const form = page.getByTestId("cost-org-form");
      const rate = form.getByLabel(rateLabel);
      await expect.poll(() => rate.inputValue()).toBe(String(before.organisation.inputs.loadedHourlyRateUsd));
      const sent = recordUpdates(page);
      await rate.fill(typed);
      await form.getByRole("button", { name: "Save cost model" }).click();
      await expect(form.locator("#cost-org-loadedHourlyRateUsd-error").textContent()).resolves.toBe(message);
      // The message is tied to the field it names, for screen readers too.
      expect(await rate.getAttribute("aria-invalid")).toBe("true");
      expect(await rate.getAttribute("aria-describedby")).toContain("cost-org-loadedHourlyRateUsd-error");
      expect(sent).toEqual([]);
      expect(await costModel()).toEqual(before);
      if (typed === "-5") await sectionScreenshot(page, "settings-cost-model-error");

      // Reset puts the saved value back and clears the message.
      await form.getByRole("button", { name: "Reset" }).click();
      await expect(rate.inputValue()).resolves.toBe(String(before.organisation.inputs.loadedHourlyRateUsd));
      expect(await form.locator(".field-error").count()).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await restoreCostModel(before);
      await page.close();
    }
  });

  test("a team's override is set, shown with its diff, then removed (null) so the team follows the organisation again", async () => {
    const before = await costModel();
    const team = before.teams.find((t) => Object.keys(t.overrides).length === 0);
    expect(team, "a demo team without overrides").toBeDefined();
    if (!team) return;
    const { page, problems } = await openPage(browser, `${keel.url}/settings#cost-model`);
    try {
      // The Subscriptions section has a Team field too, once it has loaded.
      await page.getByRole("region", { name: "Cost model" }).getByLabel("Team", { exact: true }).selectOption(team.team);
      const form = page.getByTestId(`cost-team-${team.team}-form`);
      const wait = form.getByLabel("Wait factor (fraction)");
      await expect(wait.getAttribute("placeholder")).resolves.toBe("0.5");
      await expect(form.locator(`#cost-team-${team.team}-waitFactor-help`).textContent()).resolves.toBe("Organisation: 0.5");
      await expect(page.getByTestId("cost-team-overrides").textContent()).resolves.toBe(`${team.name} overrides no input: it follows the organisation's.`);

      // Validation is the server's schema: a wait factor is at most 1.
      await wait.fill("1.5");
      await form.getByRole("button", { name: `Save ${team.name}'s overrides` }).click();
      await expect(form.locator(`#cost-team-${team.team}-waitFactor-error`).textContent()).resolves.toBe("must be at most 1");
      expect(await costModel()).toEqual(before);

      await wait.fill("0.7");
      await form.getByRole("button", { name: `Save ${team.name}'s overrides` }).click();
      await expect.poll(() => page.getByTestId("cost-team-overrides").textContent()).toBe(`${team.name} overrides wait factor (version ${team.version + 1}).`);
      const history = page.getByTestId(`cost-history-team-${team.team}`);
      await expect
        .poll(() => history.locator(`tr[data-version="${team.version + 1}"] .cost-history-changes`).textContent())
        .toBe("wait factor: organisation's → 0.7");
      expect((await costModel()).teams.find((t) => t.team === team.team)?.overrides).toEqual({ waitFactor: 0.7 });
      await sectionScreenshot(page, "settings-cost-model-team");

      // Remove the override: the field empties and the team follows the organisation (null sent).
      const sent = recordUpdates(page);
      await form.getByRole("button", { name: `Remove ${team.name}'s override of wait factor` }).click();
      await expect(wait.inputValue()).resolves.toBe("");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`cost-team-${team.team}-waitFactor`);
      await form.getByRole("button", { name: `Save ${team.name}'s overrides` }).click();
      await expect
        .poll(() => history.locator(`tr[data-version="${team.version + 2}"] .cost-history-changes`).textContent())
        .toBe("wait factor: 0.7 → organisation's");
      expect(sent).toEqual([{ waitFactor: null }]);
      expect((await costModel()).teams.find((t) => t.team === team.team)?.overrides).toEqual({});
      expect(problems).toEqual([]);
    } finally {
      await restoreCostModel(before);
      await page.close();
    }
  });

  test("the cost model editor on a phone", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/settings#cost-model`, PHONE);
    await page.getByTestId("cost-org-form").getByLabel(rateLabel).waitFor();
    await page.getByTestId("cost-history-org").or(page.locator("#cost-model .state-empty")).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await sectionScreenshot(page, "settings-cost-model-phone");
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("Users and the audit log (admin)", () => {
  test("an admin adds a user, changes their role and disables them; the audit log shows each change", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/settings#users`);
    const users = page.locator("#users");
    await users.getByTestId("users-table").waitFor({ timeout: SLOW });
    await users.getByLabel("E-mail").fill("ada@example.com");
    await users.getByLabel("Name (optional)").fill("Ada Lovelace");
    await users.getByLabel("Role", { exact: true }).selectOption("viewer");
    await users.getByLabel("Initial password").fill("ada's first password");
    await users.getByRole("button", { name: "Add user" }).click();
    const row = users.locator('tr[data-user="ada@example.com"]');
    await row.waitFor({ timeout: SLOW });

    await row.getByLabel("Role for ada@example.com").selectOption("editor");
    await page.getByText("ada@example.com is now an editor.").waitFor({ timeout: SLOW });
    await row.getByRole("button", { name: "Disable ada@example.com" }).click();
    await row.getByRole("button", { name: "Enable ada@example.com" }).waitFor({ timeout: SLOW });
    const listed = (await (await fetch(`${keel.url}/api/v1/users`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
      users: { email: string; role: string; disabled: boolean }[];
    };
    expect(listed.users.find((u) => u.email === "ada@example.com")).toMatchObject({ role: "editor", disabled: true });
    await screenshotOf(users, "settings-users");

    const audit = page.locator("#audit-log");
    await audit.getByRole("button", { name: "Refresh" }).click();
    const rows = audit.getByTestId("audit-table").locator("tbody tr");
    await expect.poll(async () => (await rows.allTextContents()).filter((text) => text.includes("ada@example.com")).length, { timeout: SLOW }).toBe(3);
    await expect(audit.locator('tr[data-action="user.create"]').first().textContent()).resolves.toContain("ada@example.com");
    await screenshotOf(audit, "settings-audit-log");
    expect(problems).toEqual([]);
  });

  test("a viewer reads the settings but is offered no change, no tokens, no users; the server refuses a change anyway", async () => {
    const email = "viewer@example.com";
    const created = await fetch(`${keel.url}/api/v1/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ email, role: "viewer", password: "viewer password 0123" }),
    });
    expect(created.status).toBe(201);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    expect((await context.request.post(`${keel.url}/auth/login`, { data: { email, password: "viewer password 0123" } })).status()).toBe(200);
    const page = await context.newPage();
    await page.goto(`${keel.url}/settings`);
    await page.getByTestId("read-only-note").first().waitFor({ timeout: SLOW });
    await expect(page.getByTestId("signed-in-user").getAttribute("data-role")).resolves.toBe("viewer");
    expect(await page.locator("#tokens, #users, #audit-log").count()).toBe(0);
    expect(await page.getByRole("button", { name: /^Save/ }).count()).toBe(0);
    const status = await page.evaluate(async () => {
      const res = await fetch("/trpc/settings.update", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ debtTarget: 0.5 }),
      });
      return res.status;
    });
    expect(status).toBe(403);
    await screenshot(page, "settings-viewer");
    await context.close();
  });
});
