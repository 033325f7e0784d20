// Browser tests of who may use Keel, on the Settings page, against its own Keel process with the demo
// data: an API token is shown once, works, and is revoked after a confirmation; an admin adds a user,
// changes their role and disables them, each change in the audit log; a viewer is offered no change.
import { describe, expect, test } from "vitest";
import { clipboardPage, openPage, screenshot, screenshotOf, SLOW, browser, keel, useKeelAndBrowser } from "../support/browser.ts";

const TOKEN = "e2e-settings-access-token-0123456789";
useKeelAndBrowser("settings-access", { KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN });

const doraPath = "/api/v1/metrics/dora?from=2026-01-05&to=2026-01-12";

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
