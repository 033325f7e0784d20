// GET /metrics: Prometheus' own parser (promtool, from Debian's prometheus package) accepts the
// scrape; requests are labelled by route pattern; ingestion, the webhook backlog, sync runs and the
// database pool are there; a read token (or a signed-in person) may scrape, nobody else.
import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createToken } from "../../server/src/services/tokens.ts";
import { recordSyncRun } from "../../server/src/services/signals.ts";
import { testDbKind } from "../support/database.ts";
import { signInAs, startTestApp, type TestApp } from "../support/httpApp.ts";

let app: TestApp;
let readToken: string;
beforeAll(async () => {
  app = await startTestApp();
  readToken = (await createToken({ db: app.database.prisma, input: { name: "prometheus", scope: "read" } })).token;
});
afterAll(() => app?.close());

async function scrape(): Promise<string> {
  const res = await app.request("/metrics", { token: readToken });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** Runs Prometheus' own text-format parser and linter over a scrape. */
async function promtool(text: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = execFile("promtool", ["check", "metrics"], (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
      resolve({ code, output: `${stdout}${stderr}${error && typeof error.code !== "number" ? String(error) : ""}` });
    });
    child.stdin?.end(text);
  });
}

/** The value of one sample line, e.g. `keel_events_ingested_total{type="deployment"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /metrics", () => {
  test("needs a read token or a session: no token 401, an ingest token 403", async () => {
    expect((await app.request("/metrics", { token: null })).status).toBe(401);
    const ingest = await createToken({ db: app.database.prisma, input: { name: "ci", scope: "ingest" } });
    const refused = await app.request("/metrics", { token: ingest.token });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toContain('needs "read" or "admin"');
    const { cookie } = await signInAs(app, "viewer");
    expect((await app.request("/metrics", { token: null, headers: { cookie } })).status).toBe(200);
  });

  test("promtool parses the scrape without a problem, and the families are there", async () => {
    const text = await scrape();
    const checked = await promtool(text);
    expect(checked.output).toBe("");
    expect(checked.code).toBe(0);
    for (const family of [
      "keel_http_request_duration_seconds",
      "keel_events_ingested_total",
      "keel_sync_runs_total",
      "keel_webhook_queue_depth",
      "keel_webhook_queue_oldest_age_seconds",
      "keel_db_pool_max_connections",
      "process_cpu_seconds_total",
    ]) {
      expect(text).toContain(`# TYPE ${family} `);
    }
    expect(sample(text, "keel_db_pool_max_connections")).toBe(testDbKind === "postgres" ? 10 : 1);
    if (testDbKind === "postgres") expect(sample(text, 'keel_db_pool_connections{state="in_use"}')).toBeGreaterThanOrEqual(0);
  });

  test("requests are counted by route pattern and status, never by raw URL", async () => {
    expect((await app.request("/api/v1/tokens/no-such-token-4711", { method: "DELETE" })).status).toBe(404);
    expect((await app.request("/api/v1/nothing-here-4711")).status).toBe(404);
    // A request is counted when its response has finished on the server, which can be a moment
    // after the client has read it: scrape until the counts are there.
    const counted = (series: string) => expect.poll(async () => sample(await scrape(), series), { timeout: 5_000 });
    await counted('keel_http_request_duration_seconds_count{method="DELETE",route="/api/v1/tokens/:ref",status="404"}').toBe(1);
    await counted('keel_http_request_duration_seconds_count{method="GET",route="/api/v1/*",status="404"}').toBe(1);
    await counted('keel_http_request_duration_seconds_count{method="GET",route="/metrics",status="401"}').toBe(1);
    expect(await scrape()).not.toContain("4711");
  });

  test("events ingested are counted by type, and a resend counts again (accepted, not created)", async () => {
    const events = [
      { type: "deployment", id: "d-prom-1", service: "web", status: "success", finishedAt: "2026-11-10T12:00:00Z" },
      { type: "deployment", id: "d-prom-2", service: "web", status: "failure", finishedAt: "2026-11-10T13:00:00Z" },
      { type: "incident", id: "inc-prom-1", service: "web", openedAt: "2026-11-10T13:30:00Z" },
    ];
    expect((await app.request("/api/v1/events", { json: { events } })).status).toBe(200);
    const before = await scrape();
    expect(sample(before, 'keel_events_ingested_total{type="deployment"}')).toBe(2);
    expect(sample(before, 'keel_events_ingested_total{type="incident"}')).toBe(1);
    expect((await app.request("/api/v1/events", { json: { events: events.slice(0, 1) } })).status).toBe(200);
    expect(sample(await scrape(), 'keel_events_ingested_total{type="deployment"}')).toBe(3);
  });

  test("the webhook backlog is read at scrape time: depth and the oldest's age", async () => {
    expect(sample(await scrape(), "keel_webhook_queue_depth")).toBe(0);
    expect(sample(await scrape(), "keel_webhook_queue_oldest_age_seconds")).toBe(0);
    const receivedAt = new Date(Date.now() - 90_000);
    await app.database.prisma.rawEvent.createMany({
      data: [
        { source: "github", kind: "ping", dedupeKey: "prom-pending-1", payload: {}, receivedAt },
        { source: "gitlab", kind: "ping", dedupeKey: "prom-pending-2", payload: {}, receivedAt: new Date() },
      ],
    });
    const text = await scrape();
    expect(sample(text, "keel_webhook_queue_depth")).toBe(2);
    expect(sample(text, "keel_webhook_queue_oldest_age_seconds")).toBeGreaterThanOrEqual(90);
    expect(sample(text, "keel_webhook_queue_oldest_age_seconds")).toBeLessThan(150);
    await app.database.prisma.rawEvent.deleteMany({ where: { dedupeKey: { startsWith: "prom-pending-" } } });
  });

  test("sync runs are counted per app (another app's database is not)", async () => {
    recordSyncRun(app.database.prisma, "github", "success");
    recordSyncRun(app.database.prisma, "github", "failure");
    recordSyncRun(app.database.prisma, "github", "failure");
    const other = await startTestApp();
    try {
      recordSyncRun(other.database.prisma, "gitlab", "success");
      const text = await scrape();
      expect(sample(text, 'keel_sync_runs_total{kind="github",outcome="success"}')).toBe(1);
      expect(sample(text, 'keel_sync_runs_total{kind="github",outcome="failure"}')).toBe(2);
      expect(text).not.toContain('kind="gitlab"');
    } finally {
      await other.close();
    }
  });
});
