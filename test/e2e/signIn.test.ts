// Signing in as a person does: with a password on Keel's sign-in page, and through a real OpenID
// provider (oidc-provider on loopback, its own login and consent pages). Screenshots of the
// sign-in page and the signed-in header.
import net from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openPage, SLOW, screenshot, startKeelAndBrowser, stopAll } from "../support/browser.ts";
import { adminSessionCookie, E2E_ADMIN, type KeelProcess } from "../support/keelProcess.ts";
import { startOidcProvider, type TestOidcProvider } from "../support/oidcProvider.ts";

let keel: KeelProcess;
let provider: TestOidcProvider;
let browser: Browser;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  // Keel's public address must be known before the provider registers it as a redirect.
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider(`${publicUrl}/auth/oidc/callback`);
  ({ keel, browser } = await startKeelAndBrowser("sign-in", {
    PORT: String(port),
    KEEL_DEMO: "0",
    KEEL_API_TOKEN: "e2e-sign-in-token-0123456789",
    KEEL_PUBLIC_URL: publicUrl,
    KEEL_OIDC_ISSUER: provider.issuer,
    KEEL_OIDC_CLIENT_ID: provider.clientId,
    KEEL_OIDC_CLIENT_SECRET: provider.clientSecret,
    KEEL_OIDC_ALLOWED_DOMAINS: "acme.example",
  }));
});
afterAll(() => stopAll(browser, keel, provider));

/** From Keel's sign-in page through oidc-provider's own login page (any password) and its consent page. */
async function signInAtProvider(login: string) {
  const { page } = await openPage(browser, `${keel.url}/`, undefined, { signedIn: false });
  await page.getByRole("link", { name: "Sign in with single sign-on" }).click({ timeout: SLOW });
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.locator('button[type="submit"]').click();
  await page.locator('button[type="submit"]').click({ timeout: SLOW });
  return page;
}

describe("sign-in", () => {
  // First, while Keel has no user at all: what a newcomer does after `pnpm start`.
  test("the link printed at first start sets the first admin's password and opens the dashboard", async () => {
    const link = /http:\/\/[^\s/]+(\/setup#[\w-]+)/.exec(keel.output());
    expect(link).not.toBeNull();
    const { page, problems } = await openPage(browser, `${keel.url}${link?.[1] ?? ""}`, undefined, { signedIn: false });
    await page.getByLabel("E-mail").fill("founder@acme.example");
    await page.getByLabel("Name").fill("Founder");
    await page.getByLabel("Password", { exact: true }).fill("founder password 0123");
    await page.getByLabel("Confirm password").fill("founder password 0123");
    await screenshot(page, "setup-first-admin");
    await page.getByRole("button", { name: "Create admin and sign in" }).click();
    await page.getByTestId("signed-in-user").waitFor({ timeout: SLOW });
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.getByTestId("signed-in-user").getAttribute("data-role")).resolves.toBe("admin");
    // The link works once.
    const again = await page.request.post(`${keel.url}/auth/setup`, {
      data: { token: link?.[1]?.slice("/setup#".length), email: "x@acme.example", name: "X", password: "another password 0123" },
    });
    expect(again.status()).toBe(403);
    // The one expected failure: /auth/me's 401 before anyone is signed in (the contract's answer).
    expect(problems.filter((p) => !p.includes("status of 401"))).toEqual([]);
  });

  test("a stranger sees only the sign-in page; a password signs in; sign-out ends it", async () => {
    // The admin this test signs in as, made through the admin API with the token.
    await adminSessionCookie(new URL(keel.url).origin);
    const { page, problems } = await openPage(browser, `${keel.url}/executive`, undefined, { signedIn: false });
    await page.getByRole("heading", { name: "Sign in to Keel" }).waitFor({ timeout: SLOW });
    await screenshot(page, "sign-in");
    await page.getByLabel("E-mail").fill(E2E_ADMIN.email);
    await page.getByLabel("Password").fill("a wrong password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").first().textContent({ timeout: SLOW })).resolves.toMatch(/not right/);

    await page.getByLabel("Password").fill(E2E_ADMIN.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // The page asked for shows, signed in.
    await page.getByTestId("signed-in-user").waitFor({ timeout: SLOW });
    await expect(page.getByTestId("signed-in-user").textContent()).resolves.toContain("admin");
    expect(new URL(page.url()).pathname).toBe("/executive");
    await screenshot(page, "signed-in-header");

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in to Keel" }).waitFor({ timeout: SLOW });
    expect((await page.request.get(`${keel.url}/auth/me`)).status()).toBe(401);
    // The one expected failure: the wrong password's 401.
    expect(problems.filter((p) => !p.includes("401"))).toEqual([]);
  });

  test("single sign-on through a real OpenID provider creates a viewer on first sign-in", async () => {
    const page = await signInAtProvider("ada");
    await page.getByTestId("signed-in-user").waitFor({ timeout: SLOW });
    const me = (await (await page.request.get(`${keel.url}/auth/me`)).json()) as { user: { email: string; role: string; name: string } };
    expect(me.user).toEqual({ email: "ada@acme.example", role: "viewer", name: "Test ada" });
    // A viewer is not offered what only admins do.
    await page.goto(`${keel.url}/settings`);
    await page.getByRole("heading", { name: "Organisation", exact: true }).waitFor({ timeout: SLOW });
    expect(await page.locator("#tokens").count()).toBe(0);
    expect(await page.locator("#users").count()).toBe(0);
  });

  test("an address outside the allowed domains is refused, in words, on the sign-in page", async () => {
    const page = await signInAtProvider("mallory@elsewhere.example");
    await page.getByText("Sign-in is limited to acme.example addresses.").waitFor({ timeout: SLOW });
    expect((await page.request.get(`${keel.url}/auth/me`)).status()).toBe(401);
  });
});
