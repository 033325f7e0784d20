// The answers' contracts (shared/src/outputs/): on the demo data, each procedure with an output
// schema answers through it without losing a field (its objects are strict, and where a REST route
// calls the same service without tRPC, it gives the same JSON), and the OpenAPI document's
// response body for that route is the schema as JSON Schema, which the real answer validates
// against (with a real validator, Ajv, not the schema's own zod parse). A new procedure with an
// output schema is one row of CASES.
import { DAY_MS, isoWeekOf, mondayOf, previousIsoWeek } from "@keel/shared/calendar";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loadDemoIfEmpty } from "../../server/src/services/loadDemo.ts";
import { ADMIN_ROUTERS, describeAnswers, procedureOutputs, type AnswerCase, type AnswerRoute, type OpenApiDocument } from "../support/answerContracts.ts";
import { adminCaller, startTestApp, type AdminCaller, type TestApp } from "../support/httpApp.ts";

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const now = new Date();
// The demo's 120 days, as whole UTC days up to and including today.
const all = { from: day(now.getTime() - 120 * DAY_MS), to: day(now.getTime() + DAY_MS) };

let app: TestApp;
let caller: AdminCaller;
let doc: OpenApiDocument;
/** Records the cases read one of: a flaky test, a failed deployment, an incident; the last full week. */
let ids: { flakyTest: number; deployment: string; incident: string; week: string };
/** Goals made for the goal cases: one to change, one deleted through tRPC, one through REST. */
let goals: { changed: string; deletedByProcedure: string; deletedByRoute: string };
const goal = { metric: "leadTime", target: 12, by: day(now.getTime() + 60 * DAY_MS), team: "payments" } as const;
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoIfEmpty({ db: app.database.prisma, now });
  caller = adminCaller(app);
  doc = (await (await app.request("/api/v1/openapi.json", { token: null })).json()) as OpenApiDocument;
  const [flaky, deployments, incidents] = await Promise.all([
    caller.flaky.list({ filters: all, limit: 1 }),
    caller.deployments.list({ ...all, changeFailure: true, limit: 1 }),
    caller.incidents.list({ ...all, limit: 1 }),
  ]);
  ids = {
    flakyTest: flaky.tests[0]!.id,
    deployment: deployments.items[0]!.id,
    incident: incidents.items[0]!.id,
    week: previousIsoWeek(isoWeekOf(mondayOf(day(now.getTime())))),
  };
  const made = await Promise.all([1, 2, 3].map(() => caller.goals.create(goal)));
  goals = { changed: made[0]!.id, deletedByProcedure: made[1]!.id, deletedByRoute: made[2]!.id };
}, 300_000);
afterAll(() => app?.close());

const query = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
/** A GET of REST v1 with the filters as query parameters (the demo's whole window unless told). */
const reading = (path: string, params: Record<string, string | number> = all, url = path): AnswerRoute => ({
  path,
  rest: () => `/api/v1${url}?${query(params)}`,
});

// One row per procedure with an output schema. The biggest answers of each kind: the demo's whole
// window, 500 flaky tests, 100 list items. Mutations after the readings; the demo's removal last.
const CASES: AnswerCase[] = [
  { procedure: "dora.summary", component: "DoraMetrics", call: () => caller.dora.summary(all), route: reading("/metrics/dora") },
  { procedure: "dora.pullRequests", component: "PullRequestMetrics", call: () => caller.dora.pullRequests(all), route: reading("/metrics/pull-requests") },
  // 500 tests take about 3 ms to check: typed and documented by the schema, checked only here.
  {
    procedure: "flaky.list",
    attached: false,
    component: "FlakyTests",
    call: () => caller.flaky.list({ filters: all, limit: 500 }),
    route: reading("/metrics/flaky-tests", { ...all, limit: 500 }),
  },
  {
    procedure: "flaky.history",
    component: "FlakyTestHistory",
    call: () => caller.flaky.history({ testId: ids.flakyTest, filters: all }),
    route: { path: "/metrics/flaky-tests/{testId}/history", rest: () => `/api/v1/metrics/flaky-tests/${ids.flakyTest}/history?${query(all)}` },
  },
  { procedure: "costs.hoursLost", component: "HoursLost", call: () => caller.costs.hoursLost(all), route: reading("/metrics/hours-lost") },
  { procedure: "costs.summaries", component: "Summaries", call: () => caller.costs.summaries(all) },
  { procedure: "investment.balance", component: "InvestmentBalance", call: () => caller.investment.balance(all), route: reading("/metrics/investment") },
  {
    procedure: "reports.weekly",
    component: "WeeklyReport",
    call: () => caller.reports.weekly({ week: ids.week }),
    route: { path: "/reports/weekly", rest: () => `/api/v1/reports/weekly?${query({ week: ids.week })}` },
  },
  { procedure: "catalog.list", component: "Catalog", call: () => caller.catalog.list() },
  { procedure: "deployments.list", component: "DeploymentList", call: () => caller.deployments.list({ ...all, limit: 100 }) },
  { procedure: "deployments.get", component: "DeploymentDetail", call: () => caller.deployments.get({ id: ids.deployment }) },
  { procedure: "incidents.list", component: "IncidentList", call: () => caller.incidents.list({ ...all, limit: 100 }) },
  { procedure: "incidents.get", component: "IncidentDetail", call: () => caller.incidents.get({ id: ids.incident, environment: "production" }) },
  { procedure: "costModel.get", component: "CostModelView", call: () => caller.costModel.get() },
  {
    procedure: "costModel.update",
    component: "CostModelView",
    call: () => caller.costModel.update({ team: "payments", inputs: { waitFactor: 0.6 }, teamSize: 7, note: "answers test" }),
  },
  { procedure: "costModel.history", component: "CostModelVersions", call: () => caller.costModel.history({ team: "payments" }) },
  { procedure: "flaky.setFixEffort", component: "FixEffortSet", call: () => caller.flaky.setFixEffort({ testId: ids.flakyTest, hours: 6 }) },
  { procedure: "goals.list", component: "GoalList", call: () => caller.goals.list(), route: { path: "/goals", rest: () => "/api/v1/goals" } },
  {
    procedure: "goals.create",
    component: "Goal",
    call: () => caller.goals.create(goal),
    route: { path: "/goals", method: "post", status: 201, rest: () => ["/api/v1/goals", { json: goal }] },
  },
  {
    procedure: "goals.update",
    component: "Goal",
    call: () => caller.goals.update({ id: goals.changed, changes: { target: 10 } }),
    route: { path: "/goals/{id}", method: "patch", rest: () => [`/api/v1/goals/${goals.changed}`, { method: "PATCH", json: { target: 10 } }] },
  },
  {
    procedure: "goals.delete",
    component: "GoalDeleted",
    call: () => caller.goals.delete({ id: goals.deletedByProcedure }),
    route: { path: "/goals/{id}", method: "delete", rest: () => [`/api/v1/goals/${goals.deletedByRoute}`, { method: "DELETE" }] },
  },
  { procedure: "demo.status", component: "DemoStatus", call: () => caller.demo.status(), route: { path: "/demo", rest: () => "/api/v1/demo" } },
  // Last: it removes the demo (the second removal removes nothing, in the same shape).
  {
    procedure: "demo.remove",
    component: "DemoRemoval",
    call: () => caller.demo.remove(),
    route: { path: "/demo", method: "delete", rest: () => ["/api/v1/demo", { method: "DELETE" }] },
  },
];

test("every procedure with an output schema has a case here, and says so", () => {
  // The Settings and Data sources routers' cases are in openApiAnswersAdmin.test.ts.
  const withOutput = [...procedureOutputs()].filter(([path, output]) => output && !ADMIN_ROUTERS.includes(path.split(".")[0]!)).map(([path]) => path);
  expect(withOutput.sort()).toEqual(
    CASES.filter((c) => c.attached !== false)
      .map((c) => c.procedure)
      .sort(),
  );
});

describeAnswers(CASES, () => ({ app, doc }));
