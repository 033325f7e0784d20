// Browser tests of the cost model editor on the Settings page against its own Keel process with the
// demo data: the organisation's hourly rate and a team's override are edited with a note, each a new
// version with its diff in the history, and the API's figures and the Executive view use them.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { apiJson, openPage, PHONE, screenshot, screenshotsDir, SLOW, browser, keel, useKeelAndBrowser } from "../support/browser.ts";

const TOKEN = "e2e-settings-cost-model-token-0123456789";
useKeelAndBrowser("settings-cost-model", { KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN });

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
  return (await apiJson<{ costModel: { version: number; label: string; inputs: Record<string, number> } }>(keel, TOKEN, "/metrics/hours-lost")).costModel;
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
