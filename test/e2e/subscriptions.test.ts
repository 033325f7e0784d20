// Browser test of Settings → Subscriptions against a Keel process whose SMTP server and Slack
// receiver are real ones on loopback: an editor's page lists nothing, refuses a bad address with the
// server's reason beside the field, adds an e-mail and a Slack subscription (the webhook shown only
// redacted), sends one now (the message arrives and the log says "sent"), sees a failed send with
// its reason, and deletes one after a confirmation; a viewer does not see the section. A subscription
// asking for alerts shows its thresholds, receives an alert on the demo's figures, and then shows it
// (the alert rules themselves: test/integration/digest/alerts.test.ts).
import { copyFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openPage, SLOW, screenshotOf, startKeelAndBrowser, stopAll, openPageAsNewUser } from "../support/browser.ts";
import { repoRoot, type KeelProcess } from "../support/keelProcess.ts";
import { startMailServer, type MailServer } from "../support/mailServer.ts";
import { startSlackReceiver, type SlackReceiver } from "../support/slackReceiver.ts";

const TOKEN = "e2e-subscriptions-token-0123456789";
let keel: KeelProcess;
let browser: Browser;
let mail: MailServer;
let slack: SlackReceiver;

beforeAll(async () => {
  [mail, slack] = await Promise.all([startMailServer(), startSlackReceiver()]);
  ({ keel, browser } = await startKeelAndBrowser("subs", { KEEL_API_TOKEN: TOKEN, KEEL_SMTP_URL: mail.url, KEEL_MAIL_FROM: "Keel <keel@test.example>" }));
});
afterAll(() => stopAll(browser, keel, mail, slack));

describe("Settings → Subscriptions", () => {
  test("an admin adds, sends now, reads the delivery log and deletes", { timeout: 240_000 }, async () => {
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
    await section.getByLabel("Change failure rate above (%)").fill("20");
    // Any hours lost last week alert: the demo's teams all lost some, so an alert is sure to come.
    await section.getByLabel("Hours lost above (h a week)").fill("0");
    await page.getByRole("button", { name: "Add subscription" }).click();
    const slackRow = section.locator("tbody tr", { hasText: "Slack" }).first();
    await slackRow.waitFor();
    await expect(slackRow.textContent()).resolves.toContain("…1234");
    await expect(slackRow.getByTestId("subscription-alerts").textContent()).resolves.toContain(
      "When a goal worsens, or a team's change failure rate above 20%, hours lost above 0 h a week.",
    );
    await expect(emailRow.getByTestId("subscription-alerts").textContent()).resolves.toBe("no");

    // The scheduler's next pass (every 30 s) sees the demo teams' hours above 0 and alerts, once each.
    const hoursAlerts = () => slack.posts.filter((p) => /^Keel alert: .+ team's engineering hours lost are above 0\.0 h a week\n/.test(p.text));
    await expect.poll(() => hoursAlerts().length, { timeout: 75_000 }).toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => slackRow.getByTestId("subscription-alerts").textContent(), { timeout: SLOW }).toMatch(/^Last: .+ \(.+\)When a goal worsens/);
    await expect
      .poll(
        () =>
          section
            .getByTestId("delivery-log")
            .getByText(/^Alert: /)
            .count(),
        { timeout: SLOW },
      )
      .toBeGreaterThan(0);
    expect(await page.content()).not.toContain("XyZsecretpart");

    // Send now: the message arrives at the SMTP server and the log says "sent".
    await emailRow.getByRole("button", { name: /^Send now to lead@acme\.com/ }).click();
    await expect.poll(() => mail.received.length, { timeout: SLOW }).toBe(1);
    expect(mail.received[0]?.envelopeTo.sort()).toEqual(["cto@acme.com", "lead@acme.com"]);
    expect(mail.received[0]?.mail.subject).toMatch(/^Keel weekly health \d{4}-W\d{2}/);
    const log = section.getByTestId("delivery-log");
    const sentEmail = log.locator('tr[data-status="sent"]', { hasText: "lead@acme.com" });
    await expect.poll(() => sentEmail.count(), { timeout: SLOW }).toBe(1);
    await expect(sentEmail.textContent()).resolves.toContain("Sent now");

    // A Slack receiver that keeps failing: the log shows "failed" with the reason, after the retries.
    slack.failNext(100);
    await slackRow.getByRole("button", { name: /^Send now to Slack/ }).click();
    const slackLog = log.locator("tr").filter({ hasText: "Slack" }).filter({ hasText: "Sent now" }).first();
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
    const { page, problems } = await openPageAsNewUser(browser, keel.url, TOKEN, { email: "subs-viewer@test.example", role: "viewer" });
    await page.goto(`${keel.url}/settings`);
    await page.locator("#teams").waitFor({ timeout: SLOW });
    await expect(page.locator("#subscriptions").count()).resolves.toBe(0);
    await expect(page.getByRole("navigation", { name: "Settings sections" }).getByRole("link", { name: "Subscriptions" }).count()).resolves.toBe(0);
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
  });
});
