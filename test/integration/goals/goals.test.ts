// Goals over REST and tRPC on a real database (PGlite by default, PostgreSQL with
// KEEL_TEST_DB=postgres): create, list with current value and status, edit, delete, bad input,
// who may change them, and the audit log. Events are placed in the goal window (the last 4 full
// weeks before today), so the current value is known.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addDays, goalWindow } from "../../../server/src/metrics/goalWindow.ts";
import type { GoalView } from "../../../server/src/services/goals/listGoals.ts";
import { signInAs, startTestApp, type TestApp, adminCaller } from "../../support/httpApp.ts";
import { deploy, incident, send } from "../dora/support.ts";
import { isoWeekOf } from "@keel/shared/calendar";

let app: TestApp;
const window = goalWindow(new Date(), "UTC");
const day = (n: number, hour = 10) => new Date(Date.parse(`${window.from}T00:00:00Z`) + n * 86_400_000 + hour * 3_600_000).toISOString();
const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startTestApp();
  // Team core (service api): 10 deployments in the window, 2 of them caused an incident (20%).
  // Service web (no team): 4 deployments, none failed. Everything else of the organisation: 14, 2 failed.
  const events = [];
  for (let i = 0; i < 10; i++) events.push(deploy(`g-api-${i}`, "api", day(i * 2), { team: "core" }));
  for (let i = 0; i < 4; i++) events.push(deploy(`g-web-${i}`, "web", day(i * 5 + 1)));
  events.push(incident("g-i1", "api", day(0, 11), { resolvedAt: day(0, 13), causedByDeploymentId: "g-api-0" }));
  events.push(incident("g-i2", "api", day(6, 11), { resolvedAt: day(6, 15), causedByDeploymentId: "g-api-3" }));
  await send(app, events);
});
afterAll(() => app?.close());

async function post(json: unknown, init: { token?: string | null; headers?: Record<string, string> } = {}) {
  return app.request("/api/v1/goals", { json, ...init });
}
async function list(): Promise<GoalView[]> {
  const res = await app.request("/api/v1/goals");
  expect(res.status, await res.clone().text()).toBe(200);
  return ((await res.json()) as { goals: GoalView[] }).goals;
}

describe("goals over REST", () => {
  let id = "";

  test("POST creates a goal with its baseline, current value and status", async () => {
    const res = await post({ metric: "changeFailureRate", target: 0.1, by: later(120), team: "core", title: "Safer deploys" });
    expect(res.status, await res.clone().text()).toBe(201);
    const goal = (await res.json()) as GoalView;
    id = goal.id;
    expect(goal).toMatchObject({
      title: "Safer deploys",
      titleGiven: true,
      metric: "changeFailureRate",
      team: "core",
      service: null,
      target: 0.1,
      by: later(120),
      baseline: 0.2,
      current: 0.2,
      // Just created: the line is still at the baseline, and the value is on it.
      expected: 0.2,
      status: "on track",
      better: "lower",
      unit: "share",
      window,
    });
  });

  test("GET lists every goal; each scope's value is its own", async () => {
    const created = await Promise.all([
      post({ metric: "changeFailureRate", target: 0.1, by: later(60) }),
      post({ metric: "changeFailureRate", target: 0.05, by: later(60), service: "web" }),
      post({ metric: "deploymentFrequency", target: 1, by: later(90), team: "core" }),
      post({ metric: "hoursLost", target: 1, by: later(90), team: "core" }),
      post({ metric: "debtShare", target: 0.2, by: later(90) }),
    ]);
    expect(created.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const goals = await list();
    expect(goals).toHaveLength(6);
    const find = (metric: string, scope: { team?: string; service?: string }) =>
      goals.find((g) => g.metric === metric && g.team === (scope.team ?? null) && g.service === (scope.service ?? null));
    // Organisation: 2 failed of 14.
    expect(find("changeFailureRate", {})?.current).toBeCloseTo(2 / 14, 9);
    expect(find("changeFailureRate", { service: "web" })).toMatchObject({
      current: 0,
      status: "met",
      title: "Change failure rate ≤ 5.0% by " + later(60),
      titleGiven: false,
    });
    // 10 deployments over 28 days.
    expect(find("deploymentFrequency", { team: "core" })?.current).toBeCloseTo(10 / 28, 9);
    // Two incidents: 2 h and 4 h, 2 responders each (the default) = 12 h over 4 weeks = 3 h/week.
    expect(find("hoursLost", { team: "core" })).toMatchObject({ current: 3, baseline: 3, unit: "hours per week" });
    // No changes in the window: nothing to measure.
    expect(find("debtShare", {})).toMatchObject({ current: null, baseline: null, status: "no data" });
  });

  test("tRPC lists the same goals", async () => {
    const caller = adminCaller(app);
    expect((await caller.goals.list()).goals).toEqual(await list());
  });

  test("PATCH changes the target and keeps the baseline; a new scope starts the goal again", async () => {
    let res = await app.request(`/api/v1/goals/${id}`, { method: "PATCH", json: { target: 0.15 } });
    expect(res.status, await res.clone().text()).toBe(200);
    const kept = (await res.json()) as GoalView;
    expect(kept).toMatchObject({ target: 0.15, baseline: 0.2, title: "Safer deploys" });
    res = await app.request(`/api/v1/goals/${id}`, { method: "PATCH", json: { team: null, service: "web", title: null } });
    const moved = (await res.json()) as GoalView;
    expect(moved).toMatchObject({ team: null, service: "web", baseline: 0, current: 0, status: "met", titleGiven: false });
    expect(Date.parse(moved.startedAt)).toBeGreaterThan(Date.parse(kept.startedAt));
  });

  test("PUT replaces the whole goal", async () => {
    const res = await app.request(`/api/v1/goals/${id}`, { method: "PUT", json: { metric: "recoveryTime", target: 2, by: later(30), team: "core" } });
    expect(res.status, await res.clone().text()).toBe(200);
    // Recovery times 2 h and 4 h: median 3 h.
    expect(await res.json()).toMatchObject({
      metric: "recoveryTime",
      team: "core",
      service: null,
      target: 2,
      baseline: 3,
      current: 3,
      status: "on track",
      titleGiven: false,
    });
  });

  test("DELETE removes it; a second DELETE is a 404", async () => {
    expect((await app.request(`/api/v1/goals/${id}`, { method: "DELETE" })).status).toBe(200);
    expect((await list()).map((g) => g.id)).not.toContain(id);
    expect((await app.request(`/api/v1/goals/${id}`, { method: "DELETE" })).status).toBe(404);
    expect((await app.request(`/api/v1/goals/${id}`, { method: "PATCH", json: { target: 0.1 } })).status).toBe(404);
  });

  test("every change is in the audit log with who made it", async () => {
    const res = await app.request("/api/v1/audit-log?limit=100");
    const { entries } = (await res.json()) as { entries: { action: string; actor: string; target: string }[] };
    const mine = entries.filter((e) => e.target === id).map((e) => e.action);
    expect(mine).toEqual(["goal.delete", "goal.update", "goal.update", "goal.update"]);
    expect(entries.filter((e) => e.action === "goal.create")).toHaveLength(6);
    expect(entries.find((e) => e.action === "goal.create")?.actor).toBe("token:KEEL_API_TOKEN");
  });
});

describe("bad input: a 400 naming the field, nothing stored", () => {
  test.each([
    ["an unknown metric", { metric: "velocity", target: 1, by: later(30) }, "metric"],
    ["a share above 1", { metric: "changeFailureRate", target: 15, by: later(30) }, "target"],
    ["a negative share", { metric: "debtShare", target: -0.1, by: later(30) }, "target"],
    ["a lead time of 0 hours", { metric: "leadTime", target: 0, by: later(30) }, "target"],
    ["a target that is not a number", { metric: "leadTime", target: "24", by: later(30) }, "target"],
    ["a date today", { metric: "leadTime", target: 24, by: later(0) }, "by"],
    ["a date in the past", { metric: "leadTime", target: 24, by: "2020-01-01" }, "by"],
    ["a date that does not exist", { metric: "leadTime", target: 24, by: "2027-02-30" }, "by"],
    ["an unknown team", { metric: "leadTime", target: 24, by: later(30), team: "nobody" }, "team"],
    ["an unknown service", { metric: "leadTime", target: 24, by: later(30), service: "nothing" }, "service"],
    ["a team and a service", { metric: "leadTime", target: 24, by: later(30), team: "core", service: "web" }, "service"],
    ["an unknown field", { metric: "leadTime", target: 24, by: later(30), owner: "me" }, "owner"],
    ["no target", { metric: "leadTime", by: later(30) }, "target"],
  ])("%s", async (_what, body, field) => {
    const before = await app.database.prisma.goal.count();
    const res = await post(body);
    expect(res.status, await res.clone().text()).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.details.map((d) => d.path)).toContain(field);
    expect(await app.database.prisma.goal.count()).toBe(before);
  });

  test("PATCH checks a new target against the goal's metric, and a bad id", async () => {
    const created = (await (await post({ metric: "leadTime", target: 24, by: later(30) })).json()) as GoalView;
    const res = await app.request(`/api/v1/goals/${created.id}`, { method: "PATCH", json: { metric: "reworkRate" } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { details: { path: string }[] } }).error.details[0]?.path).toBe("target");
    expect((await list()).find((g) => g.id === created.id)).toMatchObject({ metric: "leadTime", target: 24 });
    expect((await app.request("/api/v1/goals/not-a-uuid", { method: "PATCH", json: { target: 1 } })).status).toBe(400);
    expect((await app.request(`/api/v1/goals/${created.id}`, { method: "PATCH", json: {} })).status).toBe(400);
  });

  test("a goal never has both a team and a service: giving a service goal a team is refused, over REST and tRPC", async () => {
    const created = (await (await post({ metric: "leadTime", target: 24, by: later(30), service: "web" })).json()) as GoalView;
    const stored = () => app.database.prisma.goal.findUniqueOrThrow({ where: { id: created.id }, select: { teamId: true, serviceId: true, updatedAt: true } });
    const before = await stored();
    const res = await app.request(`/api/v1/goals/${created.id}`, { method: "PATCH", json: { team: "core" } });
    expect(res.status, await res.clone().text()).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; details: { path: string }[] } };
    expect(error).toMatchObject({ code: "VALIDATION_FAILED", details: [{ path: "service" }] });
    const caller = adminCaller(app);
    await expect(caller.goals.update({ id: created.id, changes: { team: "core" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const count = await app.database.prisma.goal.count();
    // api is core's own service: still one scope too many.
    await expect(caller.goals.create({ metric: "leadTime", target: 24, by: later(30), team: "core", service: "api" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await app.database.prisma.goal.count()).toBe(count);
    expect(await stored()).toEqual(before);
    // Moving it to the team says the service goes.
    const moved = await app.request(`/api/v1/goals/${created.id}`, { method: "PATCH", json: { team: "core", service: null } });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await moved.json()).toMatchObject({ team: "core", service: null });
  });
});

describe("who may change goals", () => {
  test("a viewer reads but may not create, change or delete, over REST and tRPC", async () => {
    const { cookie } = await signInAs(app, "viewer");
    const headers = { cookie, origin: app.url };
    const before = await app.database.prisma.goal.count();
    expect((await app.request("/api/v1/goals", { token: null, headers })).status).toBe(200);
    expect((await post({ metric: "leadTime", target: 24, by: later(30) }, { token: null, headers })).status).toBe(403);
    const [goal] = await list();
    expect((await app.request(`/api/v1/goals/${goal?.id}`, { method: "DELETE", token: null, headers })).status).toBe(403);
    const trpc = await app.request("/trpc/goals.create", {
      token: null,
      headers: { ...headers, "content-type": "application/json" },
      method: "POST",
      body: JSON.stringify({ metric: "leadTime", target: 24, by: later(30) }),
    });
    expect(trpc.status).toBe(403);
    expect(await app.database.prisma.goal.count()).toBe(before);
  });

  test("an editor's session creates one; a read token may not", async () => {
    const { cookie } = await signInAs(app, "editor");
    const res = await post({ metric: "reworkRate", target: 0.05, by: later(30) }, { token: null, headers: { cookie, origin: app.url } });
    expect(res.status, await res.clone().text()).toBe(201);
    const token = (await (await app.request("/api/v1/tokens", { json: { name: "goal reader", scope: "read" } })).json()) as { token: string };
    expect((await post({ metric: "reworkRate", target: 0.05, by: later(30) }, { token: token.token })).status).toBe(403);
  });
});

describe("the weekly report carries the goals", () => {
  const lastWeek = isoWeekOf(addDays(window.to, -7));

  test("as JSON, Markdown and HTML, with current value, target, date and status", async () => {
    const created = (await (
      await post({ metric: "changeFailureRate", target: 0.1, by: later(45), team: "core", title: "Core: fewer failed deploys" })
    ).json()) as GoalView;
    const res = await app.request(`/api/v1/reports/weekly?week=${lastWeek}`);
    expect(res.status, await res.clone().text()).toBe(200);
    const report = (await res.json()) as { goals: GoalView[] };
    // Last week's report measures the 4 weeks ending with it: the same window as today's goals.
    expect(report.goals.find((g) => g.id === created.id)).toEqual((await list()).find((g) => g.id === created.id));

    const markdown = await (await app.request(`/api/v1/reports/weekly?week=${lastWeek}`, { headers: { accept: "text/markdown" } })).text();
    expect(markdown).toContain("## Goals");
    expect(markdown).toMatch(
      new RegExp(`\\| Core: fewer failed deploys \\| Change failure rate \\| team core \\| 20\\.0% \\| ≤ 10\\.0% \\| ${later(45)} \\| on track \\|`),
    );
    const html = await (await app.request(`/api/v1/reports/weekly?week=${lastWeek}`, { headers: { accept: "text/html" } })).text();
    expect(html).toContain("Core: fewer failed deploys");
    expect(html).toMatch(/<h2[^>]*>Goals<\/h2>/);
  });

  test("a team's report has only that team's goals; an older week's measures the goals as of then", async () => {
    const team = (await (await app.request(`/api/v1/reports/weekly?week=${lastWeek}&team=core`)).json()) as { goals: GoalView[] };
    expect(team.goals.length).toBeGreaterThan(0);
    expect(team.goals.every((g) => g.team === "core")).toBe(true);
    // The week before the data: its 4 weeks hold no deployments.
    const old = (await (await app.request(`/api/v1/reports/weekly?week=${isoWeekOf(addDays(window.from, -7))}&team=core`)).json()) as { goals: GoalView[] };
    const cfr = old.goals.find((g) => g.title === "Core: fewer failed deploys");
    expect(cfr).toMatchObject({ current: null, baseline: 0.2, status: "no data", window: { from: addDays(window.from, -28), to: window.from } });
  });
});
