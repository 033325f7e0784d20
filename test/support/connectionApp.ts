// The Express app with the connections' schedule running, over a test database, for sync tests:
// the log is captured (debug level) and every answer body kept, so tests can look for secrets;
// rate-limit waits are recorded on a clock that does not sleep. The recorded vendor the test syncs
// from starts with Keel and stops with it.
import { expect } from "vitest";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { createSyncScheduler, type SyncScheduler } from "../../server/src/connections/scheduler.ts";
import type { SyncFinished } from "../../server/src/connections/run.ts";
import type { Clock } from "../../server/src/connections/types.ts";
import { createApp } from "../../server/src/http/app.ts";
import { createLogger } from "../../server/src/logger.ts";
import { createTestDatabase, type TestDatabase } from "./database.ts";
import { TEST_ADMIN_TOKEN, TEST_SECRETS } from "./httpApp.ts";

export interface ConnectionApp<V = unknown> {
  url: string;
  /** The recorded vendor (GitHub, GitLab, PagerDuty) this app's connections sync from. */
  vendor: V;
  database: TestDatabase;
  syncs: SyncScheduler;
  /** Every log line written, as JSON text. */
  logs: string[];
  /** Every answer body Keel sent. */
  bodies: string[];
  /** Rate-limit waits asked of the clock, in ms. */
  waits: number[];
  finished: SyncFinished[];
  clock: Clock;
  /** Called during each rate-limit wait (the sync is paused there), to look at the sync mid-way. */
  duringWait: ((ms: number) => Promise<void>) | null;
  request(path: string, init?: { method?: string; json?: unknown; token?: string | null }): Promise<Response>;
  /** POST /sync and wait until the schedule has nothing left to run. */
  syncNow(id: string): Promise<void>;
  close(): Promise<void>;
}

export async function startConnectionApp<V extends { close(): Promise<void> }>(startVendor: () => Promise<V>): Promise<ConnectionApp<V>> {
  const vendor = await startVendor();
  const database = await createTestDatabase();
  const logs: string[] = [];
  const logger = createLogger(
    "debug",
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString("utf8"));
        done();
      },
    }),
  );
  const waits: number[] = [];
  const finished: SyncFinished[] = [];
  const clock: Clock = {
    now: () => Date.now(),
    sleep: async (ms) => {
      waits.push(ms);
      await result.duringWait?.(ms);
    },
  };
  const syncs = createSyncScheduler({
    db: database.prisma,
    secrets: TEST_SECRETS,
    logger,
    intervalMinutes: 15,
    clock,
    onSyncFinished: (run) => finished.push(run),
  });
  const app = createApp({ database, logger, secrets: TEST_SECRETS, apiToken: TEST_ADMIN_TOKEN, syncs });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bodies: string[] = [];
  const request: ConnectionApp["request"] = async (path, init = {}) => {
    const { json, token = TEST_ADMIN_TOKEN } = init;
    const res = await fetch(url + path, {
      method: init.method ?? (json === undefined ? "GET" : "POST"),
      headers: { ...(json === undefined ? {} : { "content-type": "application/json" }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: json === undefined ? undefined : JSON.stringify(json),
    });
    bodies.push(await res.clone().text());
    return res;
  };
  const result: ConnectionApp<V> = {
    url,
    vendor,
    database,
    syncs,
    logs,
    bodies,
    waits,
    finished,
    clock,
    duringWait: null,
    request,
    async syncNow(id) {
      const res = await request(`/api/v1/connections/${id}/sync`, { method: "POST" });
      if (res.status !== 202) throw new Error(`sync answered ${res.status}: ${await res.text()}`);
      await syncs.idle();
    },
    async close() {
      await syncs.stop();
      await new Promise((resolve) => server.close(resolve));
      await database.close();
      await vendor.close();
    },
  };
  return result;
}

/** Each body is refused with a 400 that names its field, and no connection is stored. */
export async function expectRefusedFields(app: ConnectionApp, cases: [unknown, string][]): Promise<void> {
  for (const [body, field] of cases) {
    const res = await app.request("/api/v1/connections", { json: body });
    expect(res.status, JSON.stringify(body)).toBe(400);
    const answer = (await res.json()) as { error: { details: { path: string }[] } };
    expect(answer.error.details.map((d) => d.path)).toContain(field);
  }
  expect(await app.database.prisma.connection.count()).toBe(0);
}

/** The token is in no answer, log line or request body the vendor saw, and the connection and its audit rows hold it only sealed. */
export async function expectTokenNowhere(app: ConnectionApp, token: string, vendorBodies: string[], connectionId: string): Promise<void> {
  expect(app.logs.some((line) => line.includes("rate limited"))).toBe(true);
  for (const text of [...app.bodies, ...app.logs, ...vendorBodies]) expect(text).not.toContain(token);
  const row = await app.database.prisma.connection.findUniqueOrThrow({ where: { id: connectionId } });
  expect(JSON.stringify(row)).not.toContain(token);
  const audit = await app.database.prisma.auditEvent.findMany({ where: { action: { startsWith: "connection." } } });
  expect(audit.length).toBeGreaterThan(0);
  expect(JSON.stringify(audit.map((a) => a.changes))).not.toContain(token);
}

/** Each `keel backfill` run is a usage error (exit 2) whose message says what was wrong, and no connection is stored. */
export async function expectUsageErrors(
  app: ConnectionApp,
  backfill: (args: string[], env: Record<string, string | undefined>) => Promise<{ code: number | null; stderr: string }>,
  cases: [string[], Record<string, string | undefined>, string][],
): Promise<void> {
  for (const [args, env, message] of cases) {
    const result = await backfill(args, env);
    expect(result.code, args.join(" ")).toBe(2);
    expect(result.stderr).toContain(message);
  }
  expect(await app.database.prisma.connection.count()).toBe(0);
}
