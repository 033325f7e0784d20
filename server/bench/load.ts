// Mixed load on a real `keel start` over loopback, as an operator would try it: 10 connections
// ingesting (event batches of 50, and now and then a 2,000-test JUnit report) and 10 reading (the
// dashboard's metrics, the flaky tests, a CSV export) for --seconds, on PostgreSQL (a throwaway
// database keel_bench_<random>, dropped after) and on PGlite (a temp directory), each with the demo
// data loaded. Reports p50/p95/p99/max latency of ingest and reads, and every non-2xx answer.
// Bounded: at most --seconds of load and MAX_REQUESTS requests per database; loopback only.
//
// Usage: pnpm bench:load [--seconds 60] [--only postgres|pglite]
//   KEEL_BENCH_POSTGRES_URL as for bench:ingest. Run it on a quiet machine; `uptime` is printed.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DAY_MS } from "@keel/shared/calendar";
import pg from "pg";
import { generateEvents } from "./ingestEvents.ts";
import { junitXml } from "./junitXml.ts";
import { startKeelServer, type KeelServer } from "./keelServer.ts";

const { values: args } = parseArgs({ options: { seconds: { type: "string", default: "60" }, only: { type: "string" } } });
const SECONDS = Math.min(600, Number(args.seconds));
const MAX_REQUESTS = 200_000;
const CONNECTIONS = 10;
const ADMIN_URL = process.env.KEEL_BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const TOKEN = `bench-${randomBytes(12).toString("hex")}`;

const events = generateEvents(150_000, 11);
const batches: string[] = [];
for (let i = 0; i < events.length; i += 50) batches.push(JSON.stringify({ events: events.slice(i, i + 50) }));
const report = junitXml(2_000);
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const READS = [
  `/api/v1/metrics/dora?from=${day(-91)}&to=${day(1)}`,
  "/api/v1/metrics/hours-lost",
  "/api/v1/metrics/flaky-tests",
  "/api/v1/metrics/investment",
  "/api/v1/export/deployments.csv",
];

interface Sample {
  ms: number;
  status: number;
  what: string;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function run(keel: KeelServer): Promise<{ ingest: Sample[]; reads: Sample[] }> {
  const headers = { authorization: `Bearer ${TOKEN}` };
  const ingest: Sample[] = [];
  const reads: Sample[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  let sent = 0;
  let nextBatch = 0;
  let builds = 0;
  const more = () => performance.now() < deadline && sent++ < MAX_REQUESTS;
  const time = async (into: Sample[], what: string, request: () => Promise<Response>) => {
    const started = performance.now();
    let status: number;
    try {
      const res = await request();
      status = res.status;
      await res.arrayBuffer();
    } catch {
      status = -1; // connection error
    }
    into.push({ ms: performance.now() - started, status, what });
  };
  const ingester = async (n: number) => {
    for (let i = 0; more(); i++) {
      if (i % 10 === 9) {
        const id = `load-build-${n}-${builds++}`;
        const build = {
          id,
          pipeline: "load",
          service: "checkout",
          commitSha: `c0de${n}${i}`,
          status: "success",
          startedAt: new Date().toISOString(),
          finishedAt: new Date().toISOString(),
        };
        await time(ingest, "build", () =>
          fetch(`${keel.url}/api/v1/builds`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(build) }),
        );
        await time(ingest, "junit", () =>
          fetch(`${keel.url}/api/v1/builds/${id}/junit?report=unit`, {
            method: "POST",
            headers: { ...headers, "content-type": "application/xml" },
            body: report,
          }),
        );
      } else {
        const body = batches[nextBatch++ % batches.length];
        await time(ingest, "events", () =>
          fetch(`${keel.url}/api/v1/events`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body }),
        );
      }
    }
  };
  const reader = async (n: number) => {
    for (let i = n; more(); i++) {
      const route = READS[i % READS.length] as string;
      await time(reads, route, () => fetch(keel.url + route, { headers }));
    }
  };
  await Promise.all([...Array.from({ length: CONNECTIONS }, (_, n) => ingester(n)), ...Array.from({ length: CONNECTIONS }, (_, n) => reader(n))]);
  return { ingest, reads };
}

function summary(db: string, kind: string, samples: Sample[]) {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const failed = samples.filter((s) => s.status < 200 || s.status >= 300);
  const byStatus = [...new Set(failed.map((s) => `${s.status} ${s.what}`))].map(
    (key) => `${failed.filter((s) => `${s.status} ${s.what}` === key).length}× ${key}`,
  );
  const f = (v: number) => `${Math.round(v)} ms`;
  return {
    db,
    kind,
    requests: samples.length,
    p50: f(percentile(ms, 50)),
    p95: f(percentile(ms, 95)),
    p99: f(percentile(ms, 99)),
    max: f(ms.at(-1) ?? NaN),
    "not 2xx": byStatus.join(", ") || "none",
  };
}

async function onDatabase(db: "postgres" | "pglite", env: Record<string, string>) {
  console.error(`${db}: starting Keel with the demo data`);
  const keel = await startKeelServer({ ...env, KEEL_API_TOKEN: TOKEN, KEEL_DEMO: "1", LOG_LEVEL: "info" }, 900_000);
  try {
    // Right after the demo load the tables have no planner statistics until Keel's table maintenance
    // (or PostgreSQL's autovacuum) analyses them, and an export then takes a minute: measure the
    // steady state, not that first minute.
    for (let i = 0; i < 30; i++) {
      const started = performance.now();
      await fetch(`${keel.url}/api/v1/export/deployments.csv`, { headers: { authorization: `Bearer ${TOKEN}` } }).then((r) => r.arrayBuffer());
      const ms = performance.now() - started;
      console.error(`${db}: settling, a CSV export took ${Math.round(ms)} ms`);
      if (ms < 2_000) break;
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
    console.error(
      `${db}: ${SECONDS} s of load, load average before ${loadavg()
        .map((l) => l.toFixed(2))
        .join(" ")}`,
    );
    const { ingest, reads } = await run(keel);
    const errors = keel
      .output()
      .split("\n")
      .filter((line) => line.includes('"level":50'));
    if (errors.length) console.error(`${db}: Keel logged ${errors.length} errors; the last:\n${errors.slice(-3).join("\n").slice(0, 3_000)}`);
    return [summary(db, "ingest", ingest), summary(db, "reads", reads)];
  } finally {
    await keel.stop();
  }
}

const table = [];
if (args.only !== "pglite") {
  const name = `keel_bench_${randomBytes(5).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  try {
    table.push(...(await onDatabase("postgres", { DATABASE_URL: url.toString() })));
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
if (args.only !== "postgres") {
  const dir = await mkdtemp(path.join(tmpdir(), "keel-bench-load-"));
  try {
    table.push(...(await onDatabase("pglite", { KEEL_DATA_DIR: dir })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
console.log(
  `\nMixed load: ${CONNECTIONS} connections ingesting, ${CONNECTIONS} reading, ${SECONDS} s per database (load average now ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")})`,
);
console.table(table);
