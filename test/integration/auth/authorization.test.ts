// The authorization matrix (docs/security.md): every tRPC procedure and every REST route declares
// who may call it, and each is called over HTTP by nobody, a viewer, an editor and an admin
// (sessions) and by ingest, read and admin tokens. A new procedure or route without a policy
// fails here until it is given one.
import type { RoleValue } from "@keel/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../../server/src/http/app.ts";
import { createLogger } from "../../../server/src/logger.ts";
import { appRouter } from "../../../server/src/trpc/router.ts";
import { createTestDatabase } from "../../support/database.ts";
import { listRoutes } from "../../support/expressRoutes.ts";
import { signInAs, startTestApp, type TestApp } from "../../support/httpApp.ts";

type Caller = "anonymous" | "viewer" | "editor" | "admin" | "ingest token" | "read token" | "admin token";
const CALLERS: Caller[] = ["anonymous", "viewer", "editor", "admin", "ingest token", "read token", "admin token"];

/** What each caller may do in the web app's API: a token's role there (read → viewer, admin → admin, ingest → none). */
const ROLE: Record<Caller, RoleValue | null> = {
  anonymous: null,
  viewer: "viewer",
  editor: "editor",
  admin: "admin",
  "ingest token": null,
  "read token": "viewer",
  "admin token": "admin",
};
const RANK: Record<RoleValue, number> = { viewer: 0, editor: 1, admin: 2 };

/** Who may call each procedure: read views are for viewers, what shapes the numbers for editors, people and tokens for admins. */
const PROCEDURES: Record<string, RoleValue> = {
  "dora.summary": "viewer",
  "dora.pullRequests": "viewer",
  "connections.list": "admin",
  "connections.get": "admin",
  "connections.create": "admin",
  "connections.sync": "admin",
  "connections.remove": "admin",
  "costs.hoursLost": "viewer",
  "costs.summaries": "viewer",
  "flaky.list": "viewer",
  "flaky.history": "viewer",
  "flaky.setFixEffort": "editor",
  "investment.balance": "viewer",
  "reports.weekly": "viewer",
  "costModel.get": "viewer",
  "costModel.update": "editor",
  "costModel.history": "viewer",
  "catalog.list": "viewer",
  "deployments.list": "viewer",
  "deployments.get": "viewer",
  "incidents.list": "viewer",
  "incidents.get": "viewer",
  "settings.get": "viewer",
  "settings.update": "editor",
  "teams.create": "editor",
  "teams.update": "editor",
  "teams.assignService": "editor",
  "tokens.list": "admin",
  "tokens.create": "admin",
  "tokens.revoke": "admin",
  "users.list": "admin",
  "users.create": "admin",
  "users.update": "admin",
  "audit.list": "admin",
  "webhooks.status": "admin",
  "demo.status": "admin",
  "demo.remove": "admin",
  "goals.list": "viewer",
  "goals.create": "editor",
  "goals.update": "editor",
  "goals.delete": "editor",
  "subscriptions.list": "editor",
  "subscriptions.create": "editor",
  "subscriptions.delete": "editor",
  "subscriptions.send": "editor",
  "subscriptions.deliveries": "editor",
};

/** REST policies: which scopes a route needs, or why it needs none. */
type RestPolicy = "public" | "sign-in" | "webhook signature" | "read" | "ingest" | "read or ingest" | "editor" | "admin";
const REST: Record<string, RestPolicy> = {
  "get /healthz": "public",
  "get /readyz": "public",
  "post /auth/login": "sign-in",
  "post /auth/setup": "sign-in",
  "post /auth/logout": "sign-in",
  "get /auth/me": "sign-in",
  "get /auth/oidc/login": "sign-in",
  "get /auth/oidc/callback": "sign-in",
  "get /api/v1/openapi.json": "public",
  "get /api/v1/services/:slug/last-deployment": "read or ingest",
  "get /api/v1/users": "admin",
  "post /api/v1/users": "admin",
  "patch /api/v1/users/:email": "admin",
  "get /api/v1/tokens": "admin",
  "post /api/v1/tokens": "admin",
  "delete /api/v1/tokens/:ref": "admin",
  "get /api/v1/audit-log": "admin",
  "get /api/v1/webhooks": "admin",
  "get /api/v1/demo": "admin",
  "delete /api/v1/demo": "admin",
  "get /api/v1/connections": "admin",
  "post /api/v1/connections": "admin",
  "get /api/v1/connections/:id": "admin",
  "post /api/v1/connections/:id/sync": "admin",
  "delete /api/v1/connections/:id": "admin",
  "get /metrics": "read",
  "get /api/v1/goals": "read",
  "post /api/v1/goals": "editor",
  "put /api/v1/goals/:id": "editor",
  "patch /api/v1/goals/:id": "editor",
  "delete /api/v1/goals/:id": "editor",
  "get /api/v1/subscriptions": "editor",
  "post /api/v1/subscriptions": "editor",
  "delete /api/v1/subscriptions/:id": "editor",
  "post /api/v1/subscriptions/:id/send": "editor",
  "get /api/v1/subscriptions/:id/deliveries": "editor",
  "get /api/v1/deliveries": "editor",
  "get /api/v1/metrics/flaky-tests": "read",
  "get /api/v1/metrics/flaky-tests/:testId/history": "read",
  "get /api/v1/metrics/hours-lost": "read",
  "get /api/v1/metrics/investment": "read",
  "get /api/v1/reports/weekly": "read",
  "get /api/v1/export/:file": "read",
  "get /api/v1/metrics/dora": "read",
  "get /api/v1/metrics/pull-requests": "read",
  "post /api/v1/events": "ingest",
  "post /api/v1/deployments": "ingest",
  "post /api/v1/changes": "ingest",
  "post /api/v1/incidents": "ingest",
  "post /api/v1/builds": "ingest",
  "post /api/v1/builds/:buildId/junit": "ingest",
  "post /webhooks/github": "webhook signature",
  "post /webhooks/gitlab": "webhook signature",
  "post /webhooks/pagerduty": "webhook signature",
};

/** Whether a caller may use a REST route of this policy: sessions read, admins also administer; nobody ingests with a cookie. */
function restAllows(caller: Caller, policy: RestPolicy): boolean {
  // What people also change in the app (goals, subscriptions): the editor role, as in tRPC; an admin token acts as an admin.
  if (policy === "editor") return caller === "editor" || caller === "admin" || caller === "admin token";
  const scopes = policy === "read or ingest" ? ["read", "ingest"] : [policy];
  if (caller === "admin token") return true;
  if (caller === "read token") return scopes.includes("read");
  if (caller === "ingest token") return scopes.includes("ingest");
  if (caller === "anonymous") return false;
  return scopes.includes("read") || (scopes.includes("admin") && caller === "admin");
}

let app: TestApp;
const credentials = {} as Record<Caller, Record<string, string>>;

beforeAll(async () => {
  app = await startTestApp();
  credentials.anonymous = {};
  for (const role of ["viewer", "editor", "admin"] as const) {
    const { cookie } = await signInAs(app, role);
    // A browser sends its own origin with every write.
    credentials[role] = { cookie, origin: app.url };
  }
  for (const scope of ["ingest", "read", "admin"] as const) {
    const res = await app.request("/api/v1/tokens", { json: { name: `matrix ${scope}`, scope } });
    const { token } = (await res.json()) as { token: string };
    credentials[`${scope} token`] = { authorization: `Bearer ${token}` };
  }
});
afterAll(() => app?.close());

function call(caller: Caller, method: string, path: string): Promise<Response> {
  const body = method === "get" ? undefined : "{}";
  return app.request(path, {
    method: method.toUpperCase(),
    token: null,
    headers: { ...credentials[caller], ...(body ? { "content-type": "application/json" } : {}) },
    ...(body ? { body } : {}),
  });
}

const procedures = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, { _def: { type: string; meta?: { access?: RoleValue } } }> }).procedures,
);

describe("tRPC procedures", () => {
  test("every procedure declares the role it needs (none is public), and it is the one this table gives", () => {
    expect(Object.fromEntries(procedures.map(([path, p]) => [path, p._def.meta?.access ?? "(none)"]))).toEqual(PROCEDURES);
  });

  test.each(CALLERS)("%s gets exactly what its role allows", async (caller) => {
    const wrong: string[] = [];
    for (const [path, procedure] of procedures) {
      const needed = PROCEDURES[path] ?? "admin";
      const role = ROLE[caller];
      const allowed = role !== null && RANK[role] >= RANK[needed];
      const res = await call(caller, procedure._def.type === "query" ? "get" : "post", `/trpc/${path}`);
      const expected = allowed ? "allowed" : role === null && !caller.endsWith("token") ? 401 : 403;
      const got = res.status === 401 || res.status === 403 ? res.status : "allowed";
      if (got !== expected) wrong.push(`${path} (${needed}): expected ${expected}, got ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("REST routes", () => {
  let routes: string[];
  beforeAll(async () => {
    const database = await createTestDatabase();
    routes = listRoutes(createApp({ database, logger: createLogger("silent") })).map((r) => `${r.method} ${r.path}`);
    await database.close();
  });

  test("every route has a policy, and every policy a route", () => {
    expect(routes.filter((r) => !(r in REST))).toEqual([]);
    expect(Object.keys(REST).filter((r) => !routes.includes(r))).toEqual([]);
  });

  test.each(CALLERS)("%s gets exactly what its scope or role allows", async (caller) => {
    const wrong: string[] = [];
    for (const [route, policy] of Object.entries(REST)) {
      if (policy === "public" || policy === "sign-in" || policy === "webhook signature") continue; // their own tests
      const [method = "get", pattern = ""] = route.split(" ");
      const path = pattern
        .replace(":slug", "checkout")
        .replace(":testId", "1")
        .replace(":email", "nobody@test.example")
        .replace(":ref", "no-such-token")
        .replace(":buildId", "b1")
        .replace(":file", "deployments.csv")
        .replace(":id", "00000000-0000-4000-8000-000000000000");
      const res = await call(caller, method, path);
      const allowed = restAllows(caller, policy);
      const expected = allowed ? "allowed" : caller === "anonymous" ? 401 : 403;
      const got = res.status === 401 || res.status === 403 ? res.status : "allowed";
      if (got !== expected) wrong.push(`${route} (${policy}): expected ${expected}, got ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  test("public routes answer without credentials", async () => {
    for (const path of ["/healthz", "/readyz", "/api/v1/openapi.json"]) expect((await app.request(path, { token: null })).status, path).toBe(200);
  });
});
