// The answers' contracts (shared/src/outputs/): on the demo data, each procedure with an output
// schema answers through it without losing a field (its objects are strict, and the REST route,
// which calls the same service without tRPC, gives the same JSON), and the OpenAPI document's
// response body for the REST route is that schema as JSON Schema, which the real answer validates
// against (with a real validator, Ajv, not the schema's own zod parse).
import * as outputs from "@keel/shared/outputs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { jsonSchemaOf, type ComponentName } from "../../server/src/http/openapi/components.ts";
import { loadDemoIfEmpty } from "../../server/src/services/loadDemo.ts";
import { appRouter } from "../../server/src/trpc/router.ts";
import { adminCaller, startTestApp, type AdminCaller, type TestApp } from "../support/httpApp.ts";

interface Document {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> } | undefined>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const now = new Date();
// The demo's 120 days, as whole UTC days up to and including today.
const all = { from: day(now.getTime() - 120 * DAY), to: day(now.getTime() + DAY) };

let app: TestApp;
let caller: AdminCaller;
let doc: Document;
let flakyTestId: number;
/** Goals made for the goal cases: one to change, one deleted through tRPC, one through REST. */
let goals: { changed: string; deletedByProcedure: string; deletedByRoute: string };
const goal = { metric: "leadTime", target: 12, by: day(now.getTime() + 60 * DAY), team: "payments" } as const;
beforeAll(async () => {
  app = await startTestApp();
  await loadDemoIfEmpty({ db: app.database.prisma, now });
  caller = adminCaller(app);
  doc = (await (await app.request("/api/v1/openapi.json", { token: null })).json()) as Document;
  flakyTestId = (await caller.flaky.list({ filters: all, limit: 1 })).tests[0]!.id;
  const made = await Promise.all([1, 2, 3].map(() => caller.goals.create(goal)));
  goals = { changed: made[0]!.id, deletedByProcedure: made[1]!.id, deletedByRoute: made[2]!.id };
}, 300_000);
afterAll(() => app?.close());

interface Case {
  procedure: string;
  /** Whether the procedure checks its answer with `.output()` (not where that costs too much). */
  attached: boolean;
  /** The schema's name, in shared/src/outputs/ and in the document's components alike. */
  component: keyof typeof outputs & ComponentName;
  /** The REST route's path and method in the document, and the request that gives the same answer. */
  path: string;
  method?: "get" | "post" | "patch" | "delete";
  status?: number;
  rest: () => string | [string, Parameters<TestApp["request"]>[1]];
  call: () => Promise<unknown>;
}

/** Every path in a JSON value with its type: `summary.leadTime.level: string`. */
function fieldsOf(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return [`${path}: array`, ...value.flatMap((item, i) => fieldsOf(item, `${path}[${i}]`))];
  if (value !== null && typeof value === "object")
    return [`${path}: object`, ...Object.entries(value).flatMap(([key, item]) => fieldsOf(item, `${path}.${key}`))];
  return [`${path}: ${value === null ? "null" : typeof value}`];
}

const query = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

// The biggest answers of each kind: the demo's whole window, 500 flaky tests.
const CASES: Case[] = [
  {
    procedure: "dora.summary",
    attached: true,
    component: "DoraMetrics",
    path: "/metrics/dora",
    rest: () => `/api/v1/metrics/dora?${query(all)}`,
    call: () => caller.dora.summary(all),
  },
  {
    procedure: "dora.pullRequests",
    attached: true,
    component: "PullRequestMetrics",
    path: "/metrics/pull-requests",
    rest: () => `/api/v1/metrics/pull-requests?${query(all)}`,
    call: () => caller.dora.pullRequests(all),
  },
  {
    procedure: "flaky.list",
    // 500 tests take about 3 ms to check: typed and documented by the schema, checked only here.
    attached: false,
    component: "FlakyTests",
    path: "/metrics/flaky-tests",
    rest: () => `/api/v1/metrics/flaky-tests?${query({ ...all, limit: 500 })}`,
    call: () => caller.flaky.list({ filters: all, limit: 500 }),
  },
  {
    procedure: "flaky.history",
    attached: true,
    component: "FlakyTestHistory",
    path: "/metrics/flaky-tests/{testId}/history",
    rest: () => `/api/v1/metrics/flaky-tests/${flakyTestId}/history?${query(all)}`,
    call: () => caller.flaky.history({ testId: flakyTestId, filters: all }),
  },
  {
    procedure: "costs.hoursLost",
    attached: true,
    component: "HoursLost",
    path: "/metrics/hours-lost",
    rest: () => `/api/v1/metrics/hours-lost?${query(all)}`,
    call: () => caller.costs.hoursLost(all),
  },
  {
    procedure: "investment.balance",
    attached: true,
    component: "InvestmentBalance",
    path: "/metrics/investment",
    rest: () => `/api/v1/metrics/investment?${query(all)}`,
    call: () => caller.investment.balance(all),
  },
  {
    procedure: "goals.list",
    attached: true,
    component: "GoalList",
    path: "/goals",
    rest: () => "/api/v1/goals",
    call: () => caller.goals.list(),
  },
  {
    procedure: "goals.create",
    attached: true,
    component: "Goal",
    path: "/goals",
    method: "post",
    status: 201,
    rest: () => ["/api/v1/goals", { json: goal }],
    call: () => caller.goals.create(goal),
  },
  {
    procedure: "goals.update",
    attached: true,
    component: "Goal",
    path: "/goals/{id}",
    method: "patch",
    rest: () => [`/api/v1/goals/${goals.changed}`, { method: "PATCH", json: { target: 10 } }],
    call: () => caller.goals.update({ id: goals.changed, changes: { target: 10 } }),
  },
  {
    procedure: "goals.delete",
    attached: true,
    component: "GoalDeleted",
    path: "/goals/{id}",
    method: "delete",
    rest: () => [`/api/v1/goals/${goals.deletedByRoute}`, { method: "DELETE" }],
    call: () => caller.goals.delete({ id: goals.deletedByProcedure }),
  },
  {
    procedure: "demo.status",
    attached: true,
    component: "DemoStatus",
    path: "/demo",
    rest: () => "/api/v1/demo",
    call: () => caller.demo.status(),
  },
  // Last: it removes the demo (the second removal removes nothing, in the same shape).
  {
    procedure: "demo.remove",
    attached: true,
    component: "DemoRemoval",
    path: "/demo",
    method: "delete",
    rest: () => ["/api/v1/demo", { method: "DELETE" }],
    call: () => caller.demo.remove(),
  },
];

test("every procedure with an output schema has a case here, and says so", () => {
  const procedures = (appRouter._def as unknown as { procedures: Record<string, { _def: { output?: unknown } }> }).procedures;
  const withOutput = Object.entries(procedures)
    .filter(([, p]) => p._def.output !== undefined)
    .map(([path]) => path);
  expect(withOutput.sort()).toEqual(
    CASES.filter((c) => c.attached)
      .map((c) => c.procedure)
      .sort(),
  );
});

describe.each(CASES)("$procedure", ({ component, path, method = "get", status = 200, rest, call }) => {
  const schema = outputs[component];
  let answer: unknown;
  let body: unknown;
  beforeAll(async () => {
    // A procedure with `.output()` checks its answer against the schema: an unknown field throws.
    answer = await call();
    const [url, init] = [rest()].flat() as [string, Parameters<TestApp["request"]>[1]];
    const res = await app.request(url, init);
    expect(res.status, await res.clone().text()).toBe(status);
    body = await res.json();
  }, 120_000);

  test("the answer has every field the service gives, and the wire is the REST route's", () => {
    // Every field, at every depth, with its JSON type (cost avoided moves with the clock, so the
    // figures of two calls may differ in their last digits; their fields may not).
    expect(fieldsOf(JSON.parse(JSON.stringify(answer)))).toEqual(fieldsOf(body));
    // Strict objects: a field the schema does not name is refused, not dropped.
    expect(schema.safeParse(answer).success).toBe(true);
  });

  test("the OpenAPI response body is the schema as JSON Schema, not prose", () => {
    expect(doc.paths[path]?.[method]?.responses[String(status)]?.content?.["application/json"]?.schema).toEqual({ $ref: `#/components/schemas/${component}` });
    const documented = doc.components.schemas[component];
    expect(documented).toEqual(jsonSchemaOf(schema, "output"));
    expect(documented).toMatchObject({ type: "object", additionalProperties: false });
    expect(Object.keys((documented?.properties ?? {}) as object)).toEqual(Object.keys(schema.shape));
  });

  test("the REST answer validates against the document's schema", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const validate = ajv.compile(doc.components.schemas[component] ?? {});
    expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    // And the validator does refuse: an extra field anywhere at the top is an error.
    expect(validate({ ...(body as object), unexpected: 1 })).toBe(false);
  });
});
