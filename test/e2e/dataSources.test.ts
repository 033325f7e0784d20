// Browser test of the Data sources page against its own Keel process: the webhooks with their URL
// to paste (copied with the button), which secrets are set and a real signed delivery; the CI
// snippets with this Keel's address and the keel commands. Screenshot for the README.
import { createHmac, randomUUID } from "node:crypto";
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { screenshot, startKeelAndBrowser, stopAll, clipboardPage } from "../support/browser.ts";
import { repoRoot, type KeelProcess } from "../support/keelProcess.ts";

const SECRET = "e2e-github-webhook-secret";
let keel: KeelProcess;
let browser: Browser;

beforeAll(async () => {
  ({ keel, browser } = await startKeelAndBrowser("sources", {
    KEEL_DEMO: "0",
    KEEL_API_TOKEN: "e2e-sources-token-0123456789",
    KEEL_GITHUB_WEBHOOK_SECRET: SECRET,
  }));
  const body = readFileSync(path.join(repoRoot, "test/fixtures/webhooks/github/deployment_status.json"));
  const res = await fetch(`${keel.url}/webhooks/github`, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/json",
      "x-github-event": "deployment_status",
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
    },
  });
  expect(res.status).toBeLessThan(300);
});
afterAll(() => stopAll(browser, keel));

describe("the Data sources page", () => {
  test("an admin sees each webhook's URL, secret and last delivery, copies a URL, and reads the CI snippets", async () => {
    const { context, page, problems } = await clipboardPage(browser, keel.url);
    await page.goto(`${keel.url}/data-sources`);

    const github = page.locator('tr[data-webhook="github"]');
    await github.getByText("processed").waitFor({ timeout: 30_000 });
    await expect(github.locator(".webhook-url").textContent()).resolves.toBe(`${keel.url}/webhooks/github`);
    await expect(github.textContent()).resolves.toContain("Set");
    await expect(github.textContent()).resolves.toContain("1 delivery, none failed");
    const gitlab = page.locator('tr[data-webhook="gitlab"]');
    await expect(gitlab.textContent()).resolves.toContain("Not set: the webhook is off. Set KEEL_GITLAB_WEBHOOK_TOKEN");
    await expect(gitlab.textContent()).resolves.toContain("None yet");
    expect(await page.locator("[data-testid=webhooks-table] tbody tr").count()).toBe(3);

    await github.getByRole("button", { name: "Copy the GitHub webhook URL" }).click();
    await github.getByText("Copied.").waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${keel.url}/webhooks/github`);

    for (const id of ["github-actions", "gitlab-ci"]) {
      const text = (await page.locator(`[data-snippet="${id}"] pre`).textContent()) ?? "";
      expect(text).toContain(`KEEL_URL: ${keel.url}`);
      expect(text).toMatch(/keel deploy --service "\$KEEL_SERVICE" --sha /);
      expect(text).toMatch(/keel junit --build "g[hl]-/);
    }
    await page.getByRole("button", { name: "Copy the GitLab CI snippet" }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain("keel junit --build");

    const file = await screenshot(page, "data-sources");
    mkdirSync(path.join(repoRoot, "docs/screenshots"), { recursive: true });
    copyFileSync(file, path.join(repoRoot, "docs/screenshots/data-sources.png"));
    expect(problems).toEqual([]);
    await context.close();
  });
});
