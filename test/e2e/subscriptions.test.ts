// Browser test of Settings → Subscriptions against a Keel process whose SMTP server and Slack
// receiver are real ones on loopback: an editor's page lists nothing, refuses a bad address with the
// server's reason beside the field, adds an e-mail and a Slack subscription (the webhook shown only
// redacted), sends one now (the message arrives and the log says "sent"), sees a failed send with
// its reason, and deletes one after a confirmation; a viewer does not see the section.
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, openPage, screenshotOf } from "../support/browser.ts";
import { repoRoot, startKeelProcess, type KeelProcess } from "../support/keelProcess.ts";
import { startMailServer, type MailServer } from "../support/mailServer.ts";
import { startSlackReceiver, type SlackReceiver } from "../support/slackReceiver.ts";

const TOKEN = "e2e-subscriptions-token-0123456789";
const SLOW = 30_000;
let keel: KeelProcess;
let browser: Browser;
let mail: MailServer;
let slack: SlackReceiver;

beforeAll(async () => {
  [mail, slack] = await Promise.all([startMailServer(), startSlackReceiver()]);
  keel = await startKeelProcess(
    {
      KEEL_API_TOKEN: TOKEN,
      KEEL_SMTP_URL: mail.url,
      KEEL_MAIL_FROM: "Keel <keel@test.example>",
      KEEL_DATA_DIR: mkdtempSync(path.join(tmpdir(), "keel-e2e-subs-")),
    },
    170_000,
  );
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await keel?.stop();
  await Promise.all([mail?.close(), slack?.close()]);
});

describe("Settings → Subscriptions", () => {
  test("an admin adds, sends now, reads the delivery log and deletes", { timeout: 120_000 }, async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/settings`);
    const section = page.locator("#subscriptions");
    await section.getByText("No subscriptions yet").waitFor({ timeout: SLOW });
    await expect(section.getByText("Nothing sent yet.").count()).resolves.toBe(1);

    // The server's 400 names the recipient; it shows beside that field and nothing is stored.
    await section.getByLabel("Recipients").fill("lead@acme.com, not-an-address");
    await page.getByRole("button", { name: "Add subscription" }).click();
    await expect.poll(() => section.locator("#new-subscription-to-error").textContent()).toBe("must be an e-mail address");
    await expect(section.getByLabel("Recipients").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(section.getByText("No subscriptions yet").count()).resolves.toBe(1);

    await section.getByLabel("Recipients").fill("lead@acme.com, cto@acme.com");
    await section.getByLabel("Weekday").selectOption("tuesday");
    await section.getByLabel("Time", { exact: true }).fill("09:30");
    await page.getByRole("button", { name: "Add subscription" }).click();
    const emailRow = section.locator("tbody tr", { hasText: "lead@acme.com, cto@acme.com" }).first();
    await emailRow.waitFor();
    await expect(emailRow.textContent()).resolves.toContain("Tuesdays at 09:30");
    await expect(section.locator("#new-subscription-to-error").count()).resolves.toBe(0);

    // Slack: a bad URL is refused beside the field; a good one is listed only redacted.
    await section.getByLabel("Channel").selectOption("slack");
    await section.getByLabel("Slack webhook URL").fill("ftp://hooks.example/x");
    await page.getByRole("button", { name: "Add subscription" }).click();
    await expect.poll(() => section.locator("#new-subscription-webhook-error").textContent()).toContain("must be an http(s) URL");
    await section.getByLabel("Slack webhook URL").fill(slack.webhookUrl);
    await section.getByLabel("Alerts", { exact: true }).check();
    await page.getByRole("button", { name: "Add subscription" }).click();
    const slackRow = section.locator("tbody tr", { hasText: "Slack" }).first();
    await slackRow.waitFor();
    await expect(slackRow.textContent()).resolves.toContain("…1234");
    await expect(slackRow.locator("td").nth(3).textContent()).resolves.toBe("yes");
    expect(await page.content()).not.toContain("XyZsecretpart");

    // Send now: the message arrives at the SMTP server and the log says "sent".
    await emailRow.getByRole("button", { name: /^Send now to lead@acme\.com/ }).click();
    await expect.poll(() => mail.received.length, { timeout: SLOW }).toBe(1);
    expect(mail.received[0]?.envelopeTo.sort()).toEqual(["cto@acme.com", "lead@acme.com"]);
    expect(mail.received[0]?.mail.subject).toMatch(/^Keel weekly health \d{4}-W\d{2}/);
    const log = section.getByTestId("delivery-log");
    await expect.poll(() => log.locator('tr[data-status="sent"]').count(), { timeout: SLOW }).toBe(1);
    await expect(log.locator('tr[data-status="sent"]').textContent()).resolves.toContain("lead@acme.com");

    // A Slack receiver that keeps failing: the log shows "failed" with the reason, after the retries.
    slack.failNext(100);
    await slackRow.getByRole("button", { name: /^Send now to Slack/ }).click();
    const slackLog = log.locator("tr").filter({ hasText: "Slack" }).first();
    await expect
      .poll(() => slackLog.textContent(), { timeout: SLOW })
      .toMatch(/(retrying after \d+ failed attempts?|failed after \d+ attempts?) Slack: 500 internal_error/);

    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = await screenshotOf(section, "settings-subscriptions");
    copyFileSync(shot, path.join(repoRoot, "docs/screenshots/settings-subscriptions.png"));

    // Deleting asks first; keeping it changes nothing.
    await emailRow.getByRole("button", { name: /^Delete lead@acme\.com/ }).click();
    const dialog = page.getByRole("dialog", { name: "Delete this subscription?" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect(section.locator("tbody tr", { hasText: "lead@acme.com, cto@acme.com" }).count()).resolves.toBeGreaterThan(0);
    await emailRow.getByRole("button", { name: /^Delete lead@acme\.com/ }).click();
    await dialog.getByRole("button", { name: "Delete subscription" }).click();
    await dialog.waitFor({ state: "hidden" });
    await expect.poll(() => section.getByTestId("subscriptions-table").locator("tbody tr").count()).toBe(1);
    const listed = (await (await fetch(`${keel.url}/api/v1/subscriptions`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as {
      subscriptions: { channel: string }[];
    };
    expect(listed.subscriptions.map((s) => s.channel)).toEqual(["slack"]);
    expect(problems.filter((p) => !p.includes("400"))).toEqual([]);
  });

  test("a viewer does not see the section", async () => {
    const email = "subs-viewer@test.example";
    const password = "correct horse battery staple";
    const created = await fetch(`${keel.url}/api/v1/users`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ email, role: "viewer", password }),
    });
    expect(created.status).toBe(201);
    const { page, problems } = await openPage(browser, `${keel.url}/`, undefined, { signedIn: false });
    const login = await page.request.post(`${keel.url}/auth/login`, { data: { email, password }, headers: { origin: keel.url } });
    expect(login.status()).toBe(200);
    await page.goto(`${keel.url}/settings`);
    await page.locator("#teams").waitFor({ timeout: SLOW });
    await expect(page.locator("#subscriptions").count()).resolves.toBe(0);
    await expect(page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Subscriptions" }).count()).resolves.toBe(0);
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
  });
});
