// The administration answers' contracts (shared/src/outputs/settings.ts, subscriptions.ts,
// connections.ts, webhooks.ts), as openApiAnswers.test.ts checks the metrics': every procedure of the
// Settings and Data sources pages answers through its output schema (strict objects: an unknown
// field throws), the REST route that calls the same service gives the same JSON, and the OpenAPI
// document's response body is that schema, which the real answer validates against (Ajv).
import { randomUUID } from "node:crypto";
import type { ConnectionCreateInput, SubscriptionCreateInput } from "@keel/shared";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SyncProgress } from "../../server/src/connections/progress.ts";
import { insertDelivery } from "../../server/src/db/queries/deliveries.ts";
import { ADMIN_ROUTERS, describeAnswers, procedureOutputs, type AnswerCase, type AnswerRoute, type OpenApiDocument } from "../support/answerContracts.ts";
import { adminCaller, startTestApp, type AdminCaller, type TestApp } from "../support/httpApp.ts";
import { postGithubWebhook } from "../support/webhookDeliveries.ts";

const WEBHOOK_SECRET = "github-secret-for-answers";

let app: TestApp;
let caller: AdminCaller;
let doc: OpenApiDocument;
/** What the cases change or remove: one through tRPC, one through REST where both would clash. */
let made: {
  connections: { synced: string; removedByProcedure: string; removedByRoute: string };
  subscriptions: { sent: string; deletedByProcedure: string; deletedByRoute: string };
  tokens: { revokedByProcedure: string; revokedByRoute: string };
};

const github: ConnectionCreateInput = { kind: "github", token: "ghp_answers", repositories: ["acme/checkout"] };
const gitlab: ConnectionCreateInput = { kind: "gitlab", token: "glpat_answers", projects: ["acme/web", 42] };
const pagerduty: ConnectionCreateInput = { kind: "pagerduty", token: "pd_answers", services: ["PIJ90N7"] };
const email: SubscriptionCreateInput = { channel: "email", to: ["team@example.com"], team: "core", alerts: true };
const slack: SubscriptionCreateInput = { channel: "slack", webhookUrl: "https://hooks.slack.com/services/T000/B000/XXXX" };

beforeAll(async () => {
  app = await startTestApp({ webhookSecrets: { github: WEBHOOK_SECRET } });
  caller = adminCaller(app);
  doc = (await (await app.request("/api/v1/openapi.json", { token: null })).json()) as OpenApiDocument;
  const db = app.database.prisma;

  // A webhook delivery, so the status has a last delivery.
  expect((await postGithubWebhook(app, WEBHOOK_SECRET, "ping", JSON.stringify({ zen: "Keep it logically awesome." }))).status).toBeLessThan(300);
  await app.webhookQueue.idle();

  await caller.teams.create({ slug: "core", name: "Core", size: 5 });
  await caller.users.create({ email: "changed@example.com", role: "viewer", password: "correct horse battery staple" });

  // Connections of every kind; the GitHub one with a sync's progress and counts as the sync engine stores them.
  const [synced, , , removedByProcedure, removedByRoute] = await Promise.all(
    [github, gitlab, pagerduty, github, github].map((c) => caller.connections.create(c)),
  );
  const progress = new SyncProgress(new Date());
  Object.assign(progress, {
    resource: "deployments acme/checkout",
    pages: 3,
    records: 120,
    walk: { from: "2026-01-01T00:00:00.000Z", reached: "2026-06-01T00:00:00.000Z", startedAt: progress.startedAt },
  });
  await db.connection.update({
    where: { id: synced!.id },
    data: { progress: progress.view() as object, counts: progress.countsAfter({ deployments: 7 }) as object },
  });

  // Subscriptions with a delivery and an alert.
  const [sent, deletedByProcedure, deletedByRoute] = await Promise.all([email, slack, slack].map((s) => caller.subscriptions.create(s)));
  await caller.subscriptions.send({ id: sent!.id });
  await insertDelivery(db, {
    subscriptionId: sent!.id,
    kind: "alert",
    key: `alert:cfr:${randomUUID()}`,
    week: "2026-W10",
    message: "Subject\nText",
    dueAt: new Date(),
  });

  const tokens = await Promise.all([1, 2].map((n) => caller.tokens.create({ name: `revoked-${n}`, scope: "read" })));
  made = {
    connections: { synced: synced!.id, removedByProcedure: removedByProcedure!.id, removedByRoute: removedByRoute!.id },
    subscriptions: { sent: sent!.id, deletedByProcedure: deletedByProcedure!.id, deletedByRoute: deletedByRoute!.id },
    tokens: { revokedByProcedure: tokens[0]!.id, revokedByRoute: tokens[1]!.id },
  };
}, 120_000);
afterAll(() => app?.close());

/** A case with its REST route's fields beside the procedure's (none for settings and teams, which only the web app changes). */
type Case = Omit<AnswerCase, "route"> & Partial<AnswerRoute>;

const CASES: Case[] = [
  { procedure: "settings.get", component: "OrgSettings", call: () => caller.settings.get() },
  { procedure: "settings.update", component: "OrgSettings", call: () => caller.settings.update({ attributionWindowHours: 36 }) },
  { procedure: "teams.create", component: "Team", call: () => caller.teams.create({ slug: "platform", name: "Platform" }) },
  { procedure: "teams.update", component: "Team", call: () => caller.teams.update({ slug: "core", debtTarget: 0.3 }) },
  {
    procedure: "teams.assignService",
    component: "ServiceTeam",
    call: async () => {
      await app.database.prisma.service.create({ data: { slug: "checkout", name: "checkout" } });
      return caller.teams.assignService({ service: "checkout", team: "core" });
    },
  },
  { procedure: "users.list", component: "UserList", path: "/users", rest: () => "/api/v1/users", call: () => caller.users.list() },
  {
    procedure: "users.create",
    component: "User",
    path: "/users",
    method: "post",
    status: 201,
    rest: () => ["/api/v1/users", { json: { email: "by-route@example.com", role: "editor" } }],
    call: () => caller.users.create({ email: "by-procedure@example.com", role: "editor" }),
  },
  {
    procedure: "users.update",
    component: "UserUpdated",
    path: "/users/{email}",
    method: "patch",
    rest: () => ["/api/v1/users/changed@example.com", { method: "PATCH", json: { name: "Changed" } }],
    call: () => caller.users.update({ email: "changed@example.com", role: "editor" }),
  },
  {
    procedure: "tokens.list",
    component: "TokenList",
    path: "/tokens",
    rest: () => "/api/v1/tokens",
    call: async () => ({ tokens: await caller.tokens.list() }),
  },
  {
    procedure: "tokens.create",
    component: "TokenCreated",
    path: "/tokens",
    method: "post",
    status: 201,
    rest: () => ["/api/v1/tokens", { json: { name: "by-route", scope: "ingest" } }],
    call: () => caller.tokens.create({ name: "by-procedure", scope: "ingest" }),
  },
  {
    procedure: "tokens.revoke",
    component: "TokenRevoked",
    path: "/tokens/{ref}",
    method: "delete",
    rest: () => [`/api/v1/tokens/${made.tokens.revokedByRoute}`, { method: "DELETE" }],
    call: () => caller.tokens.revoke({ id: made.tokens.revokedByProcedure }),
  },
  { procedure: "audit.list", component: "AuditLog", path: "/audit-log", rest: () => "/api/v1/audit-log?limit=5", call: () => caller.audit.list({ limit: 5 }) },
  { procedure: "webhooks.status", component: "WebhookStatusList", path: "/webhooks", rest: () => "/api/v1/webhooks", call: () => caller.webhooks.status() },
  {
    procedure: "connections.list",
    component: "ConnectionList",
    path: "/connections",
    rest: () => "/api/v1/connections",
    call: () => caller.connections.list(),
  },
  {
    procedure: "connections.get",
    component: "Connection",
    path: "/connections/{id}",
    rest: () => `/api/v1/connections/${made.connections.synced}`,
    call: () => caller.connections.get({ id: made.connections.synced }),
  },
  {
    procedure: "connections.create",
    component: "Connection",
    path: "/connections",
    method: "post",
    status: 201,
    rest: () => ["/api/v1/connections", { json: gitlab }],
    call: () => caller.connections.create(gitlab),
  },
  {
    procedure: "connections.sync",
    component: "Connection",
    path: "/connections/{id}/sync",
    method: "post",
    status: 202,
    rest: () => [`/api/v1/connections/${made.connections.synced}/sync`, { method: "POST" }],
    call: () => caller.connections.sync({ id: made.connections.synced }),
  },
  {
    procedure: "connections.remove",
    component: "ConnectionRemoved",
    path: "/connections/{id}",
    method: "delete",
    rest: () => [`/api/v1/connections/${made.connections.removedByRoute}`, { method: "DELETE" }],
    call: () => caller.connections.remove({ id: made.connections.removedByProcedure }),
  },
  {
    procedure: "subscriptions.list",
    component: "SubscriptionList",
    path: "/subscriptions",
    rest: () => "/api/v1/subscriptions",
    call: () => caller.subscriptions.list(),
  },
  {
    procedure: "subscriptions.create",
    component: "Subscription",
    path: "/subscriptions",
    method: "post",
    status: 201,
    rest: () => ["/api/v1/subscriptions", { json: email }],
    call: () => caller.subscriptions.create(email),
  },
  {
    procedure: "subscriptions.delete",
    component: "SubscriptionDeleted",
    path: "/subscriptions/{id}",
    method: "delete",
    rest: () => [`/api/v1/subscriptions/${made.subscriptions.deletedByRoute}`, { method: "DELETE" }],
    call: () => caller.subscriptions.delete({ id: made.subscriptions.deletedByProcedure }),
  },
  {
    procedure: "subscriptions.send",
    component: "DeliveryQueued",
    path: "/subscriptions/{id}/send",
    method: "post",
    status: 202,
    rest: () => [`/api/v1/subscriptions/${made.subscriptions.sent}/send`, { method: "POST" }],
    call: () => caller.subscriptions.send({ id: made.subscriptions.sent }),
  },
  {
    procedure: "subscriptions.deliveries",
    component: "DeliveryLog",
    path: "/subscriptions/{id}/deliveries",
    rest: () => `/api/v1/subscriptions/${made.subscriptions.sent}/deliveries`,
    call: () => caller.subscriptions.deliveries({ id: made.subscriptions.sent }),
  },
];

test("every procedure of these routers has an output schema and a case here", () => {
  const ours = (path: string) => ADMIN_ROUTERS.includes(path.split(".")[0]!);
  const procedures = [...procedureOutputs()].filter(([path]) => ours(path));
  expect(procedures.filter(([, output]) => !output).map(([path]) => path)).toEqual([]);
  expect(procedures.map(([path]) => path).sort()).toEqual(CASES.map((c) => c.procedure).sort());
});

describeAnswers(
  CASES.map(({ path, method, status, rest, ...answer }) => ({ ...answer, route: path && rest ? { path, method, status, rest } : undefined })),
  () => ({ app, doc }),
);
