// Browser test of the connections section of the Data sources page:
// an admin connects a GitHub repository served by recorded answers on loopback, sees it
// sync (status, last sync, counts), sees a refused token's error in words, and removes a connection
// after a confirmation. The token is never shown back.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openPage, screenshotOf, startKeelAndBrowser, stopAll } from "../support/browser.ts";
import { startRecordedGithub, type RecordedGithub } from "../support/githubRecorded.ts";
import { startRecordedPagerduty, type RecordedPagerduty } from "../support/pagerdutyRecorded.ts";
import { type KeelProcess } from "../support/keelProcess.ts";

const GITHUB_TOKEN = "ghp_BrowserTestToken0123456789abcdef";
let keel: KeelProcess;
let browser: Browser;
let github: RecordedGithub;
let pagerduty: RecordedPagerduty;
const PAGERDUTY_TOKEN = "y_BrowserTestPagerdutyKey";

beforeAll(async () => {
  github = await startRecordedGithub(
    {
      owner: "acme",
      name: "checkout",
      commits: [
        { sha: "c0ffee01", message: "feat: pay", date: "2026-11-02T08:00:00Z" },
        {
          sha: "c0ffee02",
          message: "fix: pay",
          date: "2026-11-03T08:00:00Z",
          pull: { number: 2, created_at: "2026-11-02T12:00:00Z", merged_at: "2026-11-03T08:00:00Z", labels: ["bug"] },
        },
      ],
      deployments: [
        { id: 1, sha: "c0ffee01", created_at: "2026-11-02T09:00:00Z", statuses: [{ state: "success", created_at: "2026-11-02T10:00:00Z" }] },
        { id: 2, sha: "c0ffee02", created_at: "2026-11-03T09:00:00Z", statuses: [{ state: "success", created_at: "2026-11-03T10:00:00Z" }] },
      ],
      issues: [
        {
          number: 5,
          title: "Checkout down",
          labels: ["incident"],
          created_at: "2026-11-03T11:00:00Z",
          updated_at: "2026-11-03T12:00:00Z",
          closed_at: "2026-11-03T12:00:00Z",
        },
      ],
      runs: [],
    },
    { token: GITHUB_TOKEN },
  );
  pagerduty = await startRecordedPagerduty(
    [
      {
        id: "Q0E2E01",
        number: 1,
        title: "Checkout down",
        service: { id: "PCHK001", name: "checkout" },
        urgency: "high",
        created_at: "2026-11-04T10:00:00Z",
        status: "resolved",
        last_status_change_at: "2026-11-04T11:00:00Z",
        log: [
          { kind: "trigger", at: "2026-11-04T10:00:00Z" },
          { kind: "acknowledge", at: "2026-11-04T10:10:00Z", user: "PXPGF42" },
          { kind: "resolve", at: "2026-11-04T11:00:00Z", user: "PXPGF42" },
        ],
      },
    ],
    { token: PAGERDUTY_TOKEN },
  );
  ({ keel, browser } = await startKeelAndBrowser("connections", { KEEL_DEMO: "0", KEEL_API_TOKEN: "e2e-connections-token-0123456789" }));
});
afterAll(() => stopAll(browser, keel, github, pagerduty));

/** Fills the connection form (each field by its input's id), sends it, and waits until the connection's row says `status`; returns the row. */
async function connect(page: Page, fields: Record<string, string>, connection: string, status: "Idle" | "Failed") {
  for (const [field, value] of Object.entries(fields)) await page.locator(`#connection-${field}`).fill(value);
  const section = page.locator("#connections");
  await section.getByRole("button", { name: "Connect and sync" }).click();
  const row = section.locator(`tr[data-connection="${connection}"]`);
  await expect.poll(() => row.getByTestId("connection-status").textContent(), { timeout: 60_000 }).toBe(status);
  return row;
}

describe("Data sources: connections", () => {
  test("an admin connects GitHub, watches it sync, reads a failure in words and removes a connection", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/data-sources`);
    const section = page.locator("#connections");
    await section
      .getByText("No connections yet")
      .waitFor()
      .catch(async (error: unknown) => {
        throw new Error(`${String(error)}\n${(await page.locator("main").textContent()) ?? ""}\n${problems.join("\n")}`);
      });

    // The form checks fields before sending.
    await section.getByRole("button", { name: "Connect and sync" }).click();
    await expect(section.locator("#connection-repositories-help").textContent()).resolves.toContain("at least one repository");

    const checkout = { repositories: "acme/checkout", token: GITHUB_TOKEN, since: "2026-11-01", apiUrl: github.apiUrl };
    const row = await connect(page, checkout, "acme/checkout", "Idle");
    await expect.poll(() => row.getByTestId("connection-counts").textContent(), { timeout: 10_000 }).toBe("2 deployments, 2 changes, 1 incidents, 0 builds");
    expect(await page.locator("#connection-token").inputValue()).toBe("");
    expect(await page.content()).not.toContain(GITHUB_TOKEN);

    // A token GitHub refuses: the error in words.
    const failed = await connect(page, { repositories: "acme/payments", token: "ghp_wrong_token_value", apiUrl: github.apiUrl }, "acme/payments", "Failed");
    await expect(failed.getByTestId("connection-error").textContent()).resolves.toContain("token was refused (401)");
    // PagerDuty: the form's fields follow the source; a bad service id is refused beside its field.
    await page.getByLabel("Source").selectOption("pagerduty");
    await expect(section.locator("#connection-repositories").count()).resolves.toBe(0);
    await page.locator("#connection-services").fill("not-an-id");
    await page.locator("#connection-token").fill(PAGERDUTY_TOKEN);
    await section.getByRole("button", { name: "Connect and sync" }).click();
    await expect(section.locator("#connection-services-help").textContent()).resolves.toContain("must be a PagerDuty service id");
    const incidents = await connect(page, { services: "PCHK001", token: PAGERDUTY_TOKEN, since: "2026-11-01", apiUrl: pagerduty.apiUrl }, "PCHK001", "Idle");
    await expect
      .poll(() => incidents.getByTestId("connection-counts").textContent(), { timeout: 10_000 })
      .toBe("0 deployments, 0 changes, 1 incidents, 0 builds");
    expect(await incidents.locator("th").textContent()).toContain("PagerDuty PCHK001");
    expect(await page.content()).not.toContain(PAGERDUTY_TOKEN);
    await screenshotOf(section, "data-sources-connections");

    await failed.getByRole("button", { name: "Remove acme/payments" }).click();
    await failed.getByRole("group", { name: "Remove acme/payments?" }).getByRole("button", { name: "Remove" }).click();
    await expect.poll(() => failed.count()).toBe(0);
    expect(await row.count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
