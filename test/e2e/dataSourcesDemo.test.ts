// Browser test of the Data sources page's Demo data section, on its own Keel process with the demo
// (removing it must not touch the Keel the other browser tests share): an admin reads what goes
// and what stays, cancels once, removes it, and the organisation's own deployment to a demo service
// stays. A restart on the same data directory does not load the demo again. Screenshots for the docs.
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launchBrowser, openPage, screenshotOf } from "../support/browser.ts";
import { repoRoot, startKeelProcess, type KeelProcess } from "../support/keelProcess.ts";

const TOKEN = "e2e-demo-removal-token-0123456789";
const OURS = "0123456789abcdef0123456789abcdef01234567";
const env = { KEEL_DEMO: "1", KEEL_API_TOKEN: TOKEN, KEEL_DATA_DIR: mkdtempSync(path.join(tmpdir(), "keel-e2e-demo-")) };
let keel: KeelProcess;
let browser: Browser;

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${keel.url}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...init.headers } });

beforeAll(async () => {
  keel = await startKeelProcess(env, 170_000);
  browser = await launchBrowser();
  const sent = await api("/api/v1/deployments", {
    method: "POST",
    body: JSON.stringify({
      id: "ours-1",
      service: "payments-api",
      environment: "production",
      status: "success",
      commitSha: OURS,
      finishedAt: new Date().toISOString(),
    }),
  });
  expect(sent.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await keel?.stop();
});

function keepScreenshot(file: string, name: string) {
  mkdirSync(path.join(repoRoot, "docs/screenshots"), { recursive: true });
  copyFileSync(file, path.join(repoRoot, `docs/screenshots/${name}.png`));
}

describe("the Data sources page's demo data", () => {
  test("an admin removes the demo after a confirmation; the organisation's own deployment stays", async () => {
    const { page, problems } = await openPage(browser, `${keel.url}/data-sources`);
    const section = page.getByTestId("demo-section");
    await section.getByRole("heading", { name: "Demo data" }).waitFor({ timeout: 30_000 });
    const text = (await section.textContent()) ?? "";
    expect(text).toContain("Removed: the demo’s deployments, changes, incidents, CI builds and test reports");
    expect(text).toContain("Kept: everything you sent, even to a demo service");
    keepScreenshot(await screenshotOf(section, "data-sources-demo"), "data-sources-demo");

    // The first click only asks; Cancel leaves everything as it was.
    await section.getByRole("button", { name: "Remove the demo data…" }).click();
    const confirm = section.getByRole("group", { name: "Remove the demo data?" });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(await (await api("/api/v1/demo")).json()).toMatchObject({ loaded: true, removedAt: null });

    await section.getByRole("button", { name: "Remove the demo data…" }).click();
    await confirm.getByRole("button", { name: "Yes, remove the demo data" }).click();
    const removed = section.getByTestId("demo-removed");
    await removed.waitFor({ timeout: 60_000 });
    expect(await removed.textContent()).toMatch(/The demo data was removed on .+ \([\d,]+ deployments, [\d,]+ changes, [\d,]+ incidents, [\d,]+ builds/);
    keepScreenshot(await screenshotOf(section, "data-sources-demo-removed"), "data-sources-demo-removed");

    expect(await (await api("/api/v1/demo")).json()).toMatchObject({ loaded: false });
    const last = (await (await api("/api/v1/services/payments-api/last-deployment?environment=production")).json()) as { commitSha?: string };
    expect(last.commitSha).toBe(OURS);

    // Read again, the page still says so.
    await page.reload();
    await section.getByTestId("demo-removed").waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  test("a restart on the same data does not load the demo again", async () => {
    await keel.stop();
    keel = await startKeelProcess(env, 170_000);
    expect(keel.output()).not.toContain("loaded the demo data set");
    const status = (await (await api("/api/v1/demo")).json()) as { loaded: boolean; removedAt: string | null };
    expect(status.loaded).toBe(false);
    expect(status.removedAt).not.toBeNull();
  }, 200_000);
});
