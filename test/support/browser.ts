// Debian's Chromium through playwright-core (no browser download). Flags as CONTRIBUTING.md ("Browser tests") says:
// without the background-networking ones Chromium keeps dialling hosts this machine cannot reach.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import { adminSessionCookie, repoRoot } from "./keelProcess.ts";

export const screenshotsDir = path.join(repoRoot, "test-results/screenshots");

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.KEEL_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Opens a page that records console errors and failed requests, so a test can assert there were
 * none. It is signed in as the admin of the Keel it opens (keelProcess.ts), unless `signedIn: false`.
 */
export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 900 }, { signedIn = true } = {}) {
  const page = await browser.newPage({ viewport });
  if (signedIn) await signInContext(page.context(), url);
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  await page.goto(url, { waitUntil: "domcontentloaded" });
  return { page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs a browser context in as the admin of the Keel at `url` (keelProcess.ts), when it has one. */
export async function signInContext(context: BrowserContext, url: string): Promise<void> {
  const origin = new URL(url).origin;
  const cookie = await adminSessionCookie(origin);
  if (!cookie) return;
  const [name = "", value = ""] = cookie.split("=");
  await context.addCookies([{ name, value, url: origin, httpOnly: true, sameSite: "Lax" }]);
}

/** A screenshot of one part of a page (a section), for the README and closing notes. */
export async function screenshotOf(locator: Locator, name: string): Promise<string> {
  mkdirSync(screenshotsDir, { recursive: true });
  const file = path.join(screenshotsDir, `${name}.png`);
  await locator.screenshot({ path: file });
  return file;
}
