// PostgreSQL goes away (a loopback proxy in front of it is cut) and comes back: writes and reads
// on REST, tRPC and webhooks answer 503 with Retry-After meanwhile, never 500, and the same write
// succeeds once it is back, with no restart. PGlite runs in-process and cannot go away: skipped there.
import { createHmac, randomUUID } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type Database } from "../../../server/src/db/client.ts";
import { applyMigrations } from "../../../server/src/db/migrations.ts";
import { createApp } from "../../../server/src/http/app.ts";
import { createLogger } from "../../../server/src/logger.ts";
import { createPostgresDatabase, testDbKind } from "../../support/database.ts";
import { startTcpProxy, type TcpProxy } from "../../support/tcpProxy.ts";

const TOKEN = "outage-test-token-0123456789";
const GITHUB_SECRET = "outage-github-secret";

let proxy: TcpProxy;
let database: Database;
let server: Server;
let base: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  if (testDbKind !== "postgres") return;
  const created = await createPostgresDatabase();
  drop = created.drop;
  const direct = await openDatabase({ databaseUrl: created.url });
  await applyMigrations(direct.adapterFactory);
  await direct.close();
  const target = new URL(created.url);
  proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  target.port = String(proxy.port);
  database = await openDatabase({ databaseUrl: target.toString() });
  const app = createApp({ database, logger: createLogger("silent"), apiToken: TOKEN, webhooks: { secrets: { github: GITHUB_SECRET } } });
  server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (testDbKind !== "postgres") return;
  await new Promise((resolve) => server?.close(resolve));
  await proxy?.close();
  await database?.close();
  await drop?.();
});

const deployment = (id: string) => ({ id, service: "api", status: "success", finishedAt: "2026-11-10T12:00:00Z" });
const postDeployment = (id: string) =>
  fetch(`${base}/api/v1/deployments`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify(deployment(id)),
  });

function postWebhook(): Promise<Response> {
  const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
  const signature = `sha256=${createHmac("sha256", GITHUB_SECRET).update(body).digest("hex")}`;
  return fetch(`${base}/webhooks/github`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-event": "ping", "x-github-delivery": randomUUID(), "x-hub-signature-256": signature },
    body,
  });
}

const window = "from=2026-11-01&to=2026-12-01";

async function expectUnavailable(res: Response) {
  const text = await res.text();
  expect(res.status, text).toBe(503);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
  return text;
}

describe.skipIf(testDbKind !== "postgres")("with the database unreachable", () => {
  test("REST, tRPC and webhooks answer 503 with Retry-After, and recover without a restart", async () => {
    expect((await postDeployment("before-outage")).status).toBe(200);
    await proxy.cut();
    try {
      const write = await expectUnavailable(await postDeployment("during-outage"));
      expect(JSON.parse(write).error.code).toBe("UNAVAILABLE");
      await expectUnavailable(await fetch(`${base}/api/v1/metrics/dora?${window}`, { headers: { authorization: `Bearer ${TOKEN}` } }));
      const input = encodeURIComponent(JSON.stringify({ from: "2026-11-01", to: "2026-12-01" }));
      const trpc = await expectUnavailable(await fetch(`${base}/trpc/dora.summary?input=${input}`, { headers: { authorization: `Bearer ${TOKEN}` } }));
      expect(trpc).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Can't reach/);
      await expectUnavailable(await postWebhook());
      expect((await fetch(`${base}/readyz`)).status).toBe(503);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await proxy.restore();
    }
    const again = await postDeployment("during-outage");
    expect(again.status, await again.clone().text()).toBe(200);
    expect(await again.json()).toMatchObject({ created: 1 });
    expect((await postWebhook()).status).toBe(202);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
