// Browser test of goals against a Keel process with the demo data: an admin creates a goal on the
// change failure rate in the Overview's Goals section; the tile shows its status, the trend chart
// its target line, the weekly report view its row, all with the API's figures; a viewer reads the
// goals but is offered no way to change them.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { formatGoalValue } from "@keel/shared/goalMetrics";
import type { GoalView } from "../../server/src/services/goals/listGoals.ts";
import { openPage, SLOW, screenshotOf, browser, keel, openPageAsNewUser, useKeelAndBrowser } from "../support/browser.ts";
import { repoRoot } from "../support/keelProcess.ts";
import { isoWeekOf } from "@keel/shared/calendar";

const TOKEN = "e2e-goals-token-0123456789";
useKeelAndBrowser("goals", { KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN });

async function apiGoals(): Promise<GoalView[]> {
  const res = await fetch(`${keel.url}/api/v1/goals`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { goals: GoalView[] }).goals;
}
const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe("goals", () => {
  test("an admin creates a goal; the tile, the trend chart and the weekly report show it", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/`, { width: 1280, height: 1000 });
    const section = page.getByTestId("goals");
    await section.getByRole("button", { name: "Add a goal" }).click({ timeout: SLOW });
    const form = section.getByRole("form", { name: "New goal" });
    await form.locator('select[name="metric"]').selectOption("changeFailureRate");
    // Refused first: a date in the past, named by the field.
    await form.locator('input[name="target"]').fill("5");
    await form.locator('input[name="by"]').fill("2020-01-01");
    await form.getByRole("button", { name: "Create goal" }).click();
    await expect(form.getByRole("alert").first().textContent({ timeout: SLOW })).resolves.toMatch(/must be after today/);
    expect(await apiGoals()).toEqual([]);

    await form.locator('input[name="by"]').fill(later(90));
    await form.locator('input[name="title"]').fill("Safer deploys this quarter");
    await form.getByRole("button", { name: "Create goal" }).click();
    const row = section.locator("tbody tr").first();
    await row.waitFor({ timeout: SLOW });
    const [goal] = await apiGoals();
    expect(goal).toMatchObject({ metric: "changeFailureRate", target: 0.05, by: later(90), title: "Safer deploys this quarter" });
    if (!goal) throw new Error("no goal");
    await expect(row.textContent()).resolves.toContain(formatGoalValue("changeFailureRate", goal.current));
    await expect(row.getByTestId("goal-status").textContent()).resolves.toBe(goal.status);

    // The tile: the target and the status.
    const tileGoal = page.locator('article[data-metric="changeFailureRate"]').getByTestId("tile-goal");
    await tileGoal.waitFor({ timeout: SLOW });
    await expect(tileGoal.textContent()).resolves.toBe(`Goal ≤ 5.0% by ${later(90)} ${goal.status}`);
    // The trend: a target line labelled with the goal (ECharts draws SVG text).
    const chart = page.locator('figure[data-metric="changeFailureRate"]');
    await chart.locator("svg text", { hasText: "Goal ≤ 5.0%" }).first().waitFor({ timeout: SLOW });
    await expect(page.locator('figure[data-metric="leadTime"] svg text', { hasText: "Goal" }).count()).resolves.toBe(0);

    mkdirSync(path.join(repoRoot, "docs/screenshots"), { recursive: true });
    await screenshotOf(section, "goals-overview-section");
    await screenshotOf(chart, "goals-overview-trend");
    await page.screenshot({ path: path.join(repoRoot, "docs/screenshots/goals-overview.png"), fullPage: true });

    // Edit: a new target keeps the baseline.
    await section.getByRole("button", { name: "Edit Safer deploys this quarter" }).click();
    const edit = section.getByRole("form", { name: "Edit Safer deploys this quarter" });
    await edit.locator('input[name="target"]').fill("8");
    await edit.getByRole("button", { name: "Save goal" }).click();
    await section.getByRole("button", { name: "Add a goal" }).waitFor({ timeout: SLOW });
    const [edited] = await apiGoals();
    expect(edited).toMatchObject({ target: 0.08, baseline: goal.baseline });

    // The weekly report view of the last full week has the goal, with the API's status.
    const week = isoWeekOf(new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10));
    await page.goto(`${keel.url}/weekly-report?week=${week}`);
    const reportGoals = page.getByTestId("report-goals");
    await reportGoals.locator("tbody tr").first().waitFor({ timeout: SLOW });
    await expect(reportGoals.textContent()).resolves.toContain("Safer deploys this quarter");
    await expect(reportGoals.getByTestId("goal-status").first().textContent()).resolves.toBe(edited?.status);
    // The one refused request (the date in the past) is the browser's only complaint.
    expect(problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    expect(problems.filter((p) => /status of 400/.test(p))).toHaveLength(1);
  });

  test("a viewer reads the goals and is offered no change", async () => {
    const { page, problems } = await openPageAsNewUser(browser, keel.url, TOKEN, { email: "goal-viewer@test.example", role: "viewer" });
    await page.goto(`${keel.url}/`);
    const section = page.getByTestId("goals");
    await section.locator("tbody tr").first().waitFor({ timeout: SLOW });
    await expect(section.getByRole("button").count()).resolves.toBe(0);
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
  });
});
