// Sign-in, sessions and the server's defences (docs/security.md), over HTTP on a real database.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { resolveSession } from "../../../server/src/services/auth/sessions.ts";
import { hashToken } from "../../../server/src/services/tokens.ts";
import { openSetupIfNoUsers } from "../../../server/src/services/auth/setup.ts";
import { DEFAULT_SESSION_POLICY } from "../../../server/src/http/app.ts";
import { signInAs, startTestApp, TEST_ADMIN_TOKEN, TEST_PASSWORD, type TestApp } from "../../support/httpApp.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

/** fetch will not send another Host; node:http will (as a rebinding attacker's browser does). */
function withHost(host: string, method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${app.url}${path}`,
      { method, headers: { host, authorization: `Bearer ${TEST_ADMIN_TOKEN}`, "content-type": "application/json" } },
      (res) => {
        let text = "";
        res.on("data", (chunk: Buffer) => (text += chunk.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const asCookie = (cookie: string) => ({ token: null, headers: { cookie, origin: app.url } });
const me = (cookie: string) => app.request("/auth/me", asCookie(cookie));
async function audit(action: string, target: string) {
  const res = await app.request(`/api/v1/audit-log?limit=500`);
  const { entries } = (await res.json()) as {
    entries: { action: string; target: string; actor: string; changes: Record<string, unknown>; ip: string | null }[];
  };
  return entries.filter((e) => e.action === action && e.target === target);
}

describe("password sign-in", () => {
  test("signs in with an HttpOnly, SameSite=Lax cookie; /auth/me names the user; sign-out ends the session at once", async () => {
    const { email, cookie } = await signInAs(app, "editor");
    const login = await app.request("/auth/login", { json: { email, password: TEST_PASSWORD }, token: null });
    expect(login.headers.get("set-cookie")).toMatch(/^keel_session=[\w-]{43}; Path=\/; Expires=.+; HttpOnly; SameSite=Lax$/);
    const res = await me(cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { email, role: "editor" } });
    // Only the hash is stored.
    const value = cookie.split("=")[1] ?? "";
    expect(await app.database.prisma.session.count({ where: { hash: value } })).toBe(0);
    expect(await app.database.prisma.session.count({ where: { hash: hashToken(value) } })).toBe(1);

    expect((await app.request("/auth/logout", { method: "POST", ...asCookie(cookie) })).status).toBe(204);
    expect((await me(cookie)).status).toBe(401);
    expect((await app.request("/trpc/settings.get", asCookie(cookie))).status).toBe(401);
    expect(await audit("auth.logout", email)).toHaveLength(1);
  });

  test("a wrong password and an unknown e-mail get the same 401, are audited with the address, and the audit entry holds no password", async () => {
    const { email } = await signInAs(app, "viewer");
    const wrong = await app.request("/auth/login", { json: { email, password: "not the password at all" }, token: null });
    const unknown = await app.request("/auth/login", { json: { email: "nobody@test.example", password: "not the password at all" }, token: null });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toBe(
      ((await unknown.json()) as { error: { message: string } }).error.message,
    );
    const [failure] = await audit("auth.login.failed", email);
    expect(failure).toMatchObject({ actor: `user:${email}`, changes: { reason: "wrong password" } });
    expect(failure?.ip).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(await audit("auth.login.failed", "nobody@test.example"))).not.toContain("not the password");
  });

  test("bad input names the field", async () => {
    const res = await app.request("/auth/login", { json: { email: "not-an-email", password: "" }, token: null });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { path: string }[] } };
    expect(body.error.details.map((d) => d.path).sort()).toEqual(["email", "password"]);
  });
});

describe("sessions end", () => {
  test("disabling a user ends their sessions at once, and they cannot sign in again", async () => {
    const { email, cookie } = await signInAs(app, "viewer");
    expect((await me(cookie)).status).toBe(200);
    const res = await app.request(`/api/v1/users/${email}`, { method: "PATCH", json: { disabled: true } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ disabled: true, sessionsEnded: 1 });
    expect((await me(cookie)).status).toBe(401);
    expect((await app.request("/auth/login", { json: { email, password: TEST_PASSWORD }, token: null })).status).toBe(401);
    expect(await audit("user.update", email)).toMatchObject([{ actor: "token:KEEL_API_TOKEN", changes: { disabled: true } }]);
  });

  test("a signed-in admin cannot disable themselves or take away their own admin role, through REST or the web app's API", async () => {
    const { email, cookie } = await signInAs(app, "admin");
    const rest = await app.request(`/api/v1/users/${email}`, { method: "PATCH", json: { role: "viewer" }, ...asCookie(cookie) });
    expect(rest.status).toBe(409);
    expect(await rest.text()).toContain("You cannot disable yourself or take away your own admin role");
    const trpc = await app.request("/trpc/users.update", { json: { email, disabled: true }, ...asCookie(cookie) });
    expect(trpc.status).toBe(409);
    expect(await trpc.text()).toContain("You cannot disable yourself or take away your own admin role");
    expect(await (await me(cookie)).json()).toMatchObject({ user: { email, role: "admin" } });
  });

  test("changing a role ends the user's sessions; the new role applies at the next sign-in", async () => {
    const { email, cookie } = await signInAs(app, "editor");
    await app.request(`/api/v1/users/${email}`, { method: "PATCH", json: { role: "viewer" } });
    expect((await me(cookie)).status).toBe(401);
    const login = await app.request("/auth/login", { json: { email, password: TEST_PASSWORD }, token: null });
    expect(await login.json()).toMatchObject({ user: { role: "viewer" } });
  });

  test("idle and absolute expiry", async () => {
    const { cookie } = await signInAs(app, "viewer");
    const value = cookie.split("=")[1] ?? "";
    const db = app.database.prisma;
    const row = await db.session.findUniqueOrThrow({ where: { hash: hashToken(value) } });
    const at = (ms: number) => new Date(row.createdAt.getTime() + ms);
    const policy = DEFAULT_SESSION_POLICY;
    // Active every 11 hours: still signed in after 6 days, not after the 7-day absolute limit.
    for (let t = 11 * 3_600_000; t < 6 * 86_400_000; t += 11 * 3_600_000) {
      expect(await resolveSession({ db, input: { cookie: value, policy, now: at(t) } }), `at ${t / 3_600_000} h`).not.toBeNull();
    }
    expect(await resolveSession({ db, input: { cookie: value, policy, now: at(policy.maxMs) } })).toBeNull();

    const other = await signInAs(app, "viewer");
    const otherValue = other.cookie.split("=")[1] ?? "";
    const otherRow = await db.session.findUniqueOrThrow({ where: { hash: hashToken(otherValue) } });
    expect(
      await resolveSession({ db, input: { cookie: otherValue, policy, now: new Date(otherRow.lastSeenAt.getTime() + policy.idleMs - 1000) } }),
    ).not.toBeNull();
    // That call was activity; 12 hours idle after it, the session is over and removed.
    const seen = await db.session.findUniqueOrThrow({ where: { hash: hashToken(otherValue) } });
    expect(await resolveSession({ db, input: { cookie: otherValue, policy, now: new Date(seen.lastSeenAt.getTime() + policy.idleMs) } })).toBeNull();
    expect(await db.session.count({ where: { hash: hashToken(otherValue) } })).toBe(0);
  });
});

describe("the server's defences", () => {
  test("a cookie-authenticated write from another origin gets 403 and changes nothing; the same write from Keel's origin works", async () => {
    const { cookie } = await signInAs(app, "editor");
    const write = (origin: string | undefined, extra: Record<string, string> = {}) =>
      app.request("/trpc/settings.update", {
        method: "POST",
        token: null,
        headers: { cookie, "content-type": "application/json", ...(origin ? { origin } : {}), ...extra },
        body: JSON.stringify({ debtTarget: 0.31 }),
      });
    expect((await write("https://attacker.example")).status).toBe(403);
    expect((await write(undefined, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    const settings = await app.request("/trpc/settings.get");
    expect(((await settings.json()) as { result: { data: { debtTarget: number } } }).result.data.debtTarget).not.toBe(0.31);
    expect((await write(app.url)).status).toBe(200);
    expect(await audit("settings.update", "organisation")).toMatchObject([{ changes: { debtTarget: 0.31 } }]);
  });

  test("a Host that is not Keel's is refused (DNS rebinding), health probes excepted", async () => {
    const res = await withHost("attacker.example", "POST", "/api/v1/tokens", JSON.stringify({ name: "rebound", scope: "admin" }));
    expect(res.status).toBe(403);
    expect(res.body).toContain("KEEL_ALLOWED_HOSTS");
    expect(await app.database.prisma.apiToken.count({ where: { name: "rebound" } })).toBe(0);
    expect((await withHost("10.1.2.3:3000", "GET", "/healthz")).status).toBe(200);
    for (const host of ["localhost:3000", "127.0.0.1", "[::1]:3000", "keel.localhost"])
      expect((await withHost(host, "GET", "/auth/me")).status, host).toBe(401);
  });

  test("security headers on every answer", async () => {
    for (const path of ["/auth/me", "/api/v1/openapi.json", "/trpc/settings.get"]) {
      const res = await app.request(path);
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
    }
  });

  test("without a session every tRPC call answers 401, and an anonymous write changes nothing", async () => {
    expect((await app.request("/trpc/dora.summary", { token: null })).status).toBe(401);
    const res = await app.request("/trpc/tokens.create", { token: null, json: { name: "stranger", scope: "admin" } });
    expect(res.status).toBe(401);
    expect(await app.database.prisma.apiToken.count({ where: { name: "stranger" } })).toBe(0);
  });
});

describe("the first admin", () => {
  test("the one-time setup link creates the first admin and signs them in; it works once, and not once users exist", async () => {
    const empty = await startTestApp();
    try {
      const db = empty.database.prisma;
      expect(await (await empty.request("/auth/me", { token: null })).json()).toMatchObject({ signIn: { setup: true } });
      const stale = await openSetupIfNoUsers({ db });
      const token = await openSetupIfNoUsers({ db });
      expect(token).toBeDefined();
      const body = { token, email: "First@Example.com", name: "First Admin", password: "first admin password" };
      expect((await empty.request("/auth/setup", { token: null, json: { ...body, token: stale } })).status).toBe(403);
      const res = await empty.request("/auth/setup", { token: null, json: body });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ user: { email: "first@example.com", role: "admin" } });
      const cookie = /keel_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0] ?? "";
      expect((await empty.request("/trpc/tokens.list", { token: null, headers: { cookie } })).status).toBe(200);
      expect((await empty.request("/auth/setup", { token: null, json: { ...body, email: "second@example.com" } })).status).toBe(403);
      expect(await openSetupIfNoUsers({ db })).toBeUndefined();
    } finally {
      await empty.close();
    }
  });
});

describe("brute force", () => {
  // Its own Keel: every request here comes from 127.0.0.1, and the limit counts per address too.
  let fresh: TestApp;
  beforeAll(async () => {
    fresh = await startTestApp();
  });
  afterAll(() => fresh?.close());

  test("after 10 failures for one e-mail or from one address within 15 minutes: 429 with Retry-After, even with the right password", async () => {
    const { email } = await signInAs(fresh, "viewer");
    for (let i = 0; i < 10; i += 1) {
      expect((await fresh.request("/auth/login", { json: { email, password: `wrong password ${i}` }, token: null })).status).toBe(401);
    }
    const blocked = await fresh.request("/auth/login", { json: { email, password: TEST_PASSWORD }, token: null });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // The same address trying another e-mail is held back too.
    expect((await fresh.request("/auth/login", { json: { email: "other@test.example", password: "whatever it is" }, token: null })).status).toBe(429);
    // Fifteen minutes later the failures have aged out.
    await fresh.database.prisma.auditEvent.updateMany({ where: { action: "auth.login.failed" }, data: { at: new Date(Date.now() - 15 * 60_000 - 1000) } });
    expect((await fresh.request("/auth/login", { json: { email, password: TEST_PASSWORD }, token: null })).status).toBe(200);
  });
});
