// The Express app on an ephemeral port over a test database, for route tests.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createApp } from "../../server/src/http/app.ts";
import type { WebhookSecrets } from "../../server/src/ingest/webhookVendors.ts";
import type { RoleValue } from "@keel/shared";
import { secretBox } from "../../server/src/services/secrets/secretBox.ts";
import { createLogger } from "../../server/src/logger.ts";
import type { Context } from "../../server/src/trpc/context.ts";
import { createCallerFactory } from "../../server/src/trpc/init.ts";
import { appRouter } from "../../server/src/trpc/router.ts";
import { createWebhookQueue, type WebhookQueue } from "../../server/src/services/webhookQueue.ts";
import { createTestDatabase, testDbKind, type TestDatabase } from "./database.ts";

export const TEST_ADMIN_TOKEN = "test-admin-token-0123456789";

export interface TestApp {
  url: string;
  database: TestDatabase;
  /** Processes webhook deliveries after they are answered; `await webhookQueue.idle()` to wait for it. */
  webhookQueue: WebhookQueue;
  /** `json` is sent as a JSON body; `body` may be a Buffer; `token: null` sends no Authorization. */
  request(path: string, init?: Omit<RequestInit, "body"> & { body?: string | Buffer; json?: unknown; token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Webhook secrets to turn those endpoints on (all off by default, as with the env unset). */
  webhookSecrets?: WebhookSecrets;
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const logger = createLogger("silent");
  // As `keel start` does on the embedded database: deliveries wait in a spool while it is busy.
  const webhookQueue = createWebhookQueue({ db: database.prisma, logger, spool: testDbKind === "pglite" ? "memory" : undefined });
  const app = createApp({
    database,
    logger,
    secrets: TEST_SECRETS,
    apiToken: TEST_ADMIN_TOKEN,
    webhooks: { secrets: options.webhookSecrets, queue: webhookQueue },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    database,
    webhookQueue,
    request(path, init = {}) {
      const { json, token = TEST_ADMIN_TOKEN, headers, ...rest } = init;
      return fetch(url + path, {
        ...rest,
        method: rest.method ?? (json === undefined ? "GET" : "POST"),
        headers: {
          ...(json === undefined ? {} : { "content-type": "application/json" }),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(headers as Record<string, string> | undefined),
        },
        body: json !== undefined ? JSON.stringify(json) : typeof rest.body === "string" || rest.body === undefined ? rest.body : Uint8Array.from(rest.body),
      });
    },
    async close() {
      await new Promise((resolve) => server.close(resolve));
      await webhookQueue.stop();
      await database.close();
    },
  };
}

/** The tRPC context of a signed-in admin (for createCaller in tests that call procedures directly). */
export function adminContext(db: TestDatabase["prisma"]): Context {
  return {
    db,
    logger: createLogger("silent"),
    identity: { kind: "user", userId: "00000000-0000-0000-0000-000000000000", email: "admin@test.example", name: "Admin", role: "admin", sessionId: "test" },
    ip: "127.0.0.1",
    secrets: TEST_SECRETS,
  };
}

/** A tRPC caller signed in as an admin of this app's database (for tests that call procedures directly). */
export function adminCaller(app: Pick<TestApp, "database">) {
  return createCallerFactory(appRouter)(adminContext(app.database.prisma));
}
export type AdminCaller = ReturnType<typeof adminCaller>;

/** The secret box test apps and contexts share, so a secret sealed through one opens through the other. */
export const TEST_SECRETS = secretBox(Buffer.alloc(32, 42));

let users = 0;
export const TEST_PASSWORD = "correct horse battery staple";

/** Creates a user with this role (through the admin API) and signs them in; returns the session cookie. */
export async function signInAs(
  app: Pick<TestApp, "request">,
  role: RoleValue,
  email = `${role}-${++users}@test.example`,
): Promise<{ email: string; cookie: string }> {
  const created = await app.request("/api/v1/users", { json: { email, role, password: TEST_PASSWORD } });
  if (created.status !== 201) throw new Error(`creating ${email} answered ${created.status}: ${await created.text()}`);
  const login = await app.request("/auth/login", { json: { email, password: TEST_PASSWORD }, token: null });
  if (login.status !== 200) throw new Error(`signing in ${email} answered ${login.status}: ${await login.text()}`);
  const cookie = /keel_session=[^;]+/.exec(login.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error("no session cookie");
  return { email, cookie };
}

/** Records one successful CI build attempt (the one a JUnit upload test attaches its reports to). */
export async function sendBuild(
  app: Pick<TestApp, "request">,
  build: { id: string; commitSha: string; startedAt: string; finishedAt: string; service?: string },
): Promise<void> {
  const res = await app.request("/api/v1/builds", { json: { pipeline: "ci", status: "success", ...build } });
  if (res.status !== 200) throw new Error(`sending build ${build.id} answered ${res.status}: ${await res.text()}`);
}

/** A test app with one build, b-1 of checkout, for JUnit upload tests to attach reports to. */
export async function startAppWithBuild(): Promise<TestApp> {
  const app = await startTestApp();
  await sendBuild(app, { id: "b-1", service: "checkout", commitSha: "abcdef12", startedAt: "2026-11-10T10:00:00Z", finishedAt: "2026-11-10T10:08:00Z" });
  return app;
}

/** POSTs a JUnit report to a build, as XML unless `headers` say otherwise. */
export function uploadJunit(app: Pick<TestApp, "request">, buildId: string, body: Buffer | string, headers: Record<string, string> = {}, report = "unit") {
  return app.request(`/api/v1/builds/${buildId}/junit?report=${report}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/xml", ...headers },
  });
}
