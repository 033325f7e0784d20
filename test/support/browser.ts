// Debian's Chromium through playwright-core (no browser download). Flags as CONTRIBUTING.md ("Browser tests") says,
// in chromium.json (scripts/measure-web.mjs launches it alike): without the background-networking ones Chromium
// keeps dialling hosts this machine cannot reach.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect } from "vitest";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import chromiumFlags from "./chromium.json" with { type: "json" };
import { adminSessionCookie, repoRoot, startKeelProcess, type KeelProcess } from "./keelProcess.ts";

export const screenshotsDir = path.join(repoRoot, "test-results/screenshots");
/** The phone every page is checked on. */
export const PHONE = { width: 390, height: 844 };
/** How long to wait for a page's figures: metrics over the demo's 120 days take a few seconds on a busy machine. */
export const SLOW = 30_000;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.KEEL_CHROMIUM ?? chromiumFlags.executablePath, headless: true, args: chromiumFlags.args });
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

/** A Keel of its own (own data directory, `keel-e2e-<name>-…`) and a browser, for one test file. */
export async function startKeelAndBrowser(name: string, env: Record<string, string>): Promise<{ keel: KeelProcess; browser: Browser }> {
  const keel = await startKeelProcess({ ...env, KEEL_DATA_DIR: mkdtempSync(path.join(tmpdir(), `keel-e2e-${name}-`)) }, 170_000);
  return { keel, browser: await launchBrowser() };
}

/**
 * This test file's Keel and browser, there once `useKeelAndBrowser` has started them. Exports are
 * live bindings and every test file has its own copy of this module, so each file its own pair.
 */
export let keel: KeelProcess;
export let browser: Browser;

/** Starts a Keel of its own and a browser before the file's tests (`keel`, `browser`), and ends them after. */
export function useKeelAndBrowser(name: string, env: Record<string, string>): void {
  beforeAll(async () => {
    ({ keel, browser } = await startKeelAndBrowser(name, env));
  });
  afterAll(() => stopAll(browser, keel));
}

/** Ends what `startKeelAndBrowser` (or a test's own setup) started, browser first; any may be missing. */
export async function stopAll(...running: ({ close(): Promise<void> } | { stop(): Promise<unknown> } | undefined)[]): Promise<void> {
  for (const thing of running) {
    if (thing && "close" in thing) await thing.close();
    else if (thing) await thing.stop();
  }
}

/** A signed-in admin page whose context may use the clipboard; `problems` collects console errors and page errors. */
export async function clipboardPage(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: url });
  await signInContext(context, url);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  return { context, page, problems };
}

/** Creates a user with a password through the API (as `token`) and opens a page signed in as them. */
export async function openPageAsNewUser(browser: Browser, url: string, token: string, user: { email: string; role: string }) {
  const password = "correct horse battery staple";
  const created = await fetch(`${url}/api/v1/users`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({ ...user, password }),
  });
  expect(created.status).toBe(201);
  const opened = await openPage(browser, `${url}/`, undefined, { signedIn: false });
  // The sign-in page's chunks must finish loading: navigating away mid-load aborts them, which counts as a problem.
  await opened.page.waitForLoadState("networkidle");
  const login = await opened.page.request.post(`${url}/auth/login`, { data: { email: user.email, password }, headers: { origin: url } });
  expect(login.status()).toBe(200);
  return opened;
}

/** A GET of Keel's REST API (`/api/v1…`) with an API token, answered 200. */
async function apiGet(keel: { url: string }, token: string, pathAndQuery: string, headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(`${keel.url}/api/v1${pathAndQuery}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
  expect(res.status, pathAndQuery).toBe(200);
  return res;
}

/** The JSON of a GET of Keel's REST API with an API token (answered 200). */
export async function apiJson<T>(keel: { url: string }, token: string, pathAndQuery: string): Promise<T> {
  return (await (await apiGet(keel, token, pathAndQuery)).json()) as T;
}

/** The text of a GET of Keel's REST API with an API token and an Accept header (answered 200). */
export async function apiText(keel: { url: string }, token: string, pathAndQuery: string, accept: string): Promise<string> {
  return (await apiGet(keel, token, pathAndQuery, { accept })).text();
}
