// Ingestion throughput: 100,000 events (bench/ingestEvents.ts: deployments with 1-3 commits,
// changes, incidents, builds) sent to a real `keel start` over HTTP in batches of 500 by 2-4
// concurrent clients, on PostgreSQL (a throwaway database keel_bench_<random>, dropped after) and
// on PGlite (a temp directory). Beside each, the floor: the same rows written by bare multi-row
// INSERTs on a fresh database of the same kind (no HTTP, no validation, no ORM).
//
// Then JUnit storage (bench/junitStore.ts): one report of --junit tests over HTTP, beside the bare
// INSERTs of the same identities and results, and the server's peak memory.
//
// Usage: pnpm bench:ingest [--events 100000] [--batch 500] [--clients 3] [--only postgres|pglite]
//   [--junit 60000]   (--events 0 or --junit 0 skips that part)
//   Goal on a 2-core machine: ≥ 5,000 events/s on PostgreSQL, ≥ 1,500/s on PGlite, ≤ 3× the floor.
//   KEEL_BENCH_POSTGRES_URL: the server to create the throwaway databases on (default
//   postgresql://postgres@127.0.0.1:5432/postgres). KEEL_BENCH_NODE_ARGS: extra node flags for the
//   Keel process, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
//   Everything shares the machine's cores (Keel, PostgreSQL, the clients): run it on a quiet machine.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { AnyEvent, IngestResult, type AnyEventData } from "@keel/shared";
import { openDatabase, type DatabaseTarget } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrations.ts";
import { floorBatch, floorNames, newFloorState, type Statement } from "../src/db/queries/bench/ingestFloor.ts";
import { maintenanceSql, TABLES_NEEDING_MAINTENANCE_SQL, type TableMaintenance } from "../src/db/queries/tableMaintenance.ts";
import { generateEvents } from "./ingestEvents.ts";
import { floorOnPglite as junitFloorOnPglite, floorOnPostgres as junitFloorOnPostgres, uploadOverHttp, type JunitStoreResult } from "./junitStore.ts";
import { admin as adminQuery, databaseUrl } from "./harness.ts";
import { startKeelServer } from "./keelServer.ts";

const { values: args } = parseArgs({
  options: {
    events: { type: "string", default: "100000" },
    batch: { type: "string", default: "500" },
    clients: { type: "string", default: "3" },
    only: { type: "string" },
    junit: { type: "string", default: "60000" },
  },
});
const TOTAL = Number(args.events);
const BATCH = Number(args.batch);
const CLIENTS = Math.min(4, Math.max(2, Number(args.clients)));
const ADMIN_URL = process.env.KEEL_BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const TOKEN = `bench-${randomBytes(12).toString("hex")}`;
const GOAL = { postgres: 5_000, pglite: 1_500 } as const;
type Kind = keyof typeof GOAL;

const log = (message: string) => console.error(`  ${message}`);

// Ctrl-C skips `finally` blocks: drop the throwaway databases and directories all the same.
const onInterrupt = new Set<() => Promise<unknown>>();
process.once("SIGINT", () => {
  console.error("interrupted: cleaning up");
  void Promise.allSettled([...onInterrupt].map((cleanup) => cleanup())).then(() => process.exit(130));
});

interface Row {
  db: Kind;
  httpPerSecond: number;
  floorPerSecond: number;
}

// ---- the events, serialised once so the clients only send bytes ----
const inputs = generateEvents(TOTAL);
const parsed: AnyEventData[] = inputs.map((e) => AnyEvent.parse(e));
const bodies: string[] = [];
const batches: AnyEventData[][] = [];
for (let i = 0; i < inputs.length; i += BATCH) {
  bodies.push(JSON.stringify({ events: inputs.slice(i, i + BATCH) }));
  batches.push(parsed.slice(i, i + BATCH));
}
const mix = new Map<string, number>();
for (const e of parsed) mix.set(e.type, (mix.get(e.type) ?? 0) + 1);
console.error(`${TOTAL} events in ${bodies.length} batches of ${BATCH}, ${CLIENTS} clients: ${[...mix].map(([t, n]) => `${t} ${n}`).join(", ")}`);

/** Runs `work(i)` for i in [0, count) on `workers` concurrent loops; returns seconds taken. */
async function timed(count: number, workers: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
  return (performance.now() - started) / 1000;
}

async function viaHttp(kind: Kind, env: Record<string, string>): Promise<number> {
  const keel = await startKeelServer({ ...env, KEEL_API_TOKEN: TOKEN });
  try {
    const totals = { accepted: 0, created: 0, updated: 0, unchanged: 0 };
    const seconds = await timed(bodies.length, CLIENTS, async (i) => {
      const res = await fetch(`${keel.url}/api/v1/events`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
        body: bodies[i],
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`batch ${i}: ${res.status} ${text.slice(0, 500)}`);
      const counts = IngestResult.parse(JSON.parse(text));
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += counts[key];
    });
    if (totals.accepted !== TOTAL) throw new Error(`accepted ${totals.accepted} of ${TOTAL}`);
    log(`${kind} over HTTP: ${seconds.toFixed(1)} s, created ${totals.created}, updated ${totals.updated}, unchanged ${totals.unchanged}`);
    return TOTAL / seconds;
  } catch (error) {
    console.error(`Keel's output:\n${keel.output().slice(-5_000)}`);
    throw error;
  } finally {
    await keel.stop();
  }
}

/** The floor's statements for every batch, built before the clock starts. */
function floorStatements(): { names: Statement[]; batches: Statement[][] } {
  const state = newFloorState();
  const names = floorNames(parsed, state);
  return { names, batches: batches.map((events, i) => floorBatch(events, state, i)) };
}

async function migrated(target: DatabaseTarget): Promise<void> {
  const database = await openDatabase(target);
  try {
    await applyMigrations(database.adapterFactory);
  } finally {
    await database.close();
  }
}

async function floorOnPostgres(url: string): Promise<number> {
  await migrated({ databaseUrl: url });
  const { names, batches: work } = floorStatements();
  const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
  try {
    for (const s of names) await pool.query(s.text, s.values);
    const seconds = await timed(work.length, CLIENTS, async (i) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        for (const s of work[i] as Statement[]) await client.query(s.text, s.values);
        await client.query("COMMIT");
      } finally {
        client.release();
      }
    });
    log(`postgres floor: ${seconds.toFixed(1)} s`);
    return TOTAL / seconds;
  } finally {
    await pool.end();
  }
}

async function floorOnPglite(dir: string): Promise<number> {
  await migrated({ dataDir: dir });
  const { names, batches: work } = floorStatements();
  const db = await PGlite.create(dir);
  try {
    for (const s of names) await db.query(s.text, s.values);
    // One connection: batches run one after another, as they do in Keel on PGlite. Tables are
    // maintained the way Keel maintains them there (db/autoVacuum.ts: a check every 5 s), so the
    // floor's plans are as good as the server's.
    let checked = performance.now();
    const seconds = await timed(work.length, 1, async (i) => {
      await db.transaction(async (tx) => {
        for (const s of work[i] as Statement[]) await tx.query(s.text, s.values);
      });
      if (performance.now() - checked > 5_000) {
        for (const table of (await db.query<TableMaintenance>(TABLES_NEEDING_MAINTENANCE_SQL)).rows) await db.query(maintenanceSql(table));
        checked = performance.now();
      }
    });
    log(`pglite floor: ${seconds.toFixed(1)} s`);
    return TOTAL / seconds;
  } finally {
    await db.close();
  }
}

async function withPostgresDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `keel_bench_${randomBytes(5).toString("hex")}`;
  const admin = (sql: string) => adminQuery(ADMIN_URL, sql);
  await admin(`CREATE DATABASE ${name}`);
  const drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  onInterrupt.add(drop);
  try {
    return await work(databaseUrl(ADMIN_URL, name));
  } finally {
    onInterrupt.delete(drop);
    await drop();
  }
}

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "keel-bench-ingest-"));
  const remove = () => rm(dir, { recursive: true, force: true });
  onInterrupt.add(remove);
  try {
    return await work(dir);
  } finally {
    onInterrupt.delete(remove);
    await remove();
  }
}

const JUNIT_TESTS = Number(args.junit);
const rows: Row[] = [];
const junitRows: (JunitStoreResult & { db: Kind })[] = [];
/** One JUnit upload over HTTP beside its floor, each in a fresh database of the kind. */
async function junitRun(db: Kind): Promise<void> {
  const fresh = <T>(work: (target: { env: Record<string, string>; migrate: () => Promise<unknown>; floor: () => Promise<number> }) => Promise<T>) =>
    db === "postgres"
      ? withPostgresDatabase((url) =>
          work({ env: { DATABASE_URL: url }, migrate: () => migrated({ databaseUrl: url }), floor: () => junitFloorOnPostgres(url, JUNIT_TESTS) }),
        )
      : withTempDir((dir) =>
          work({ env: { KEEL_DATA_DIR: dir }, migrate: () => migrated({ dataDir: dir }), floor: () => junitFloorOnPglite(dir, JUNIT_TESTS) }),
        );
  const http = await fresh((t) => uploadOverHttp(t.env, TOKEN, JUNIT_TESTS));
  const floorSeconds = await fresh(async (t) => {
    await t.migrate();
    return t.floor();
  });
  log(`${db} junit: HTTP ${http.seconds.toFixed(1)} s, floor ${floorSeconds.toFixed(1)} s`);
  junitRows.push({ db, httpSeconds: http.seconds, floorSeconds, peakRssMb: http.peakRssMb });
}
if (args.only !== "pglite" && JUNIT_TESTS > 0) await junitRun("postgres");
if (args.only !== "postgres" && JUNIT_TESTS > 0) await junitRun("pglite");
if (junitRows.length) {
  console.log(`\nJUnit storage: one report of ${JUNIT_TESTS.toLocaleString("en-US")} tests`);
  console.table(
    junitRows.map((r) => ({
      db: r.db,
      "HTTP upload s": r.httpSeconds.toFixed(1),
      "floor s": r.floorSeconds.toFixed(1),
      "HTTP / floor": `${(r.httpSeconds / r.floorSeconds).toFixed(1)}x`,
      "server peak RSS MB": r.peakRssMb ?? "n/a",
      goal: `≤ 3x: ${r.httpSeconds / r.floorSeconds <= 3 ? "met" : "MISSED"}`,
    })),
  );
}
if (args.only !== "pglite" && TOTAL > 0) {
  console.error("postgres");
  const httpPerSecond = await withPostgresDatabase((url) => viaHttp("postgres", { DATABASE_URL: url }));
  const floorPerSecond = await withPostgresDatabase(floorOnPostgres);
  rows.push({ db: "postgres", httpPerSecond, floorPerSecond });
}
if (args.only !== "postgres" && TOTAL > 0) {
  console.error("pglite");
  const httpPerSecond = await withTempDir((dir) => viaHttp("pglite", { KEEL_DATA_DIR: dir }));
  const floorPerSecond = await withTempDir(floorOnPglite);
  rows.push({ db: "pglite", httpPerSecond, floorPerSecond });
}

const perSecond = (n: number) => `${Math.round(n).toLocaleString("en-US")}/s`;
if (rows.length) console.log(`\nIngestion of ${TOTAL.toLocaleString("en-US")} events, batches of ${BATCH}, ${CLIENTS} concurrent clients`);
if (rows.length)
  console.table(
    rows.map((r) => ({
      db: r.db,
      "HTTP events/s": perSecond(r.httpPerSecond),
      "floor events/s": perSecond(r.floorPerSecond),
      "floor / HTTP": `${(r.floorPerSecond / r.httpPerSecond).toFixed(1)}x`,
      goal: `≥ ${perSecond(GOAL[r.db])} and ≤ 3x: ${r.httpPerSecond >= GOAL[r.db] && r.floorPerSecond / r.httpPerSecond <= 3 ? "met" : "MISSED"}`,
    })),
  );
