// DORA metrics latency at scale: two years of data for 200 services in ~20 teams (200,000
// deployments, 1,000,000 changes, 20,000 incidents), generated in the database, then the DORA
// service called for a 90-day window org-wide, for one team and for one service, beside a floor
// query (the bare weekly count of successful deployments over the same window and filters).
// On PostgreSQL (a throwaway database keel_bench_<random>) and on PGlite (a temp directory).
//
// Usage: pnpm bench:metrics [--calls 30] [--only postgres|pglite] [--plans file] [--keep] [--reuse name]
//   Goal: p95 ≤ 150 ms on PostgreSQL, ≤ 1 s on PGlite, and ≤ 3× the floor.
//   --plans writes EXPLAIN ANALYZE of the main queries on PostgreSQL (default: a temp file).
//   --keep leaves the PostgreSQL database in place; --reuse <name> measures an existing one.
//   --pglite-dir <dir> keeps PGlite's data there (generated once, reused when present).
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { MetricFilters } from "@keel/shared";
import { openDatabase, type Database } from "../src/db/client.ts";
import { analyzeBenchData, generateDoraBenchData } from "../src/db/queries/bench/doraBenchData.ts";
import { explainAnalyze } from "../src/db/queries/bench/explain.ts";
import { deploymentsPerWeek } from "../src/db/queries/deploymentsPerWeek.ts";
import { deploymentOutcomesSql } from "../src/db/queries/dora/deploymentOutcomes.ts";
import { leadTimeSql } from "../src/db/queries/dora/leadTime.ts";
import { recoveryTimeSql } from "../src/db/queries/dora/recoveryTime.ts";
import { applyMigrations } from "../src/db/migrations.ts";
import { getDoraMetrics, prepareDoraQuery } from "../src/services/getDoraMetrics.ts";

const { values: args } = parseArgs({
  options: {
    calls: { type: "string", default: "30" },
    only: { type: "string" },
    plans: { type: "string" },
    keep: { type: "boolean", default: false },
    reuse: { type: "string" },
    "pglite-dir": { type: "string" },
  },
});
const CALLS = Math.max(30, Number(args.calls));
const ADMIN_URL = process.env.KEEL_BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const END = new Date("2026-11-23T00:00:00Z"); // a Monday
const WINDOW = { from: new Date(END.getTime() - 90 * 86_400_000).toISOString(), to: END.toISOString() };
const SCOPES: { name: string; filters: { team?: string; service?: string } }[] = [
  { name: "org", filters: {} },
  { name: "team", filters: { team: "team-1" } },
  { name: "service", filters: { service: "svc-1" } },
];

interface Row {
  db: string;
  scope: string;
  p50: number;
  p95: number;
  floorP50: number;
  floorP95: number;
}

const log = (message: string) => console.error(`  ${message}`);

/** Nearest-rank percentile of timings in ms. */
function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

async function time(calls: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await work(); // warm-up: plans, caches
  const samples: number[] = [];
  for (let i = 0; i < calls; i++) {
    const t = performance.now();
    await work();
    samples.push(performance.now() - t);
  }
  return samples;
}

async function populate(database: Database, kind: string): Promise<void> {
  console.error(`${kind}: migrations and data`);
  await applyMigrations(database.adapterFactory);
  const t = performance.now();
  await generateDoraBenchData(
    database.prisma,
    { teams: 20, services: 200, deployments: 200_000, changesPerDeployment: 5, incidents: 20_000, end: END },
    log,
  );
  await analyzeBenchData(database.prisma, kind === "postgres");
  log(`generated and analysed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function measure(database: Database, kind: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const scope of SCOPES) {
    const input = MetricFilters.parse({ ...WINDOW, ...scope.filters });
    const service = await time(CALLS, () => getDoraMetrics({ db: database.prisma, input }));
    const floor = await time(CALLS, () =>
      deploymentsPerWeek(database.prisma, { from: new Date(WINDOW.from), to: new Date(WINDOW.to), timeZone: "UTC", environment: "production", ...scope.filters }),
    );
    const row = { db: kind, scope: scope.name, p50: percentile(service, 0.5), p95: percentile(service, 0.95), floorP50: percentile(floor, 0.5), floorP95: percentile(floor, 0.95) };
    log(`${scope.name}: p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms (floor p95 ${row.floorP95.toFixed(1)} ms)`);
    rows.push(row);
  }
  return rows;
}

async function plans(database: Database): Promise<string> {
  const out: string[] = [];
  for (const scope of SCOPES) {
    const { q } = await prepareDoraQuery({ db: database.prisma, input: MetricFilters.parse({ ...WINDOW, ...scope.filters }) });
    for (const [name, sql] of [
      ["deploymentOutcomes", deploymentOutcomesSql(q)],
      ["leadTime current", leadTimeSql(q, "current")],
      ["leadTime previous", leadTimeSql(q, "previous")],
      ["recoveryTime", recoveryTimeSql(q)],
    ] as const) {
      out.push(`==== ${name} (${scope.name}) ====\n${await explainAnalyze(database.prisma, sql)}\n`);
    }
  }
  return out.join("\n");
}

async function onPostgres(): Promise<Row[]> {
  const name = args.reuse ?? `keel_bench_${randomBytes(5).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: ADMIN_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  if (!args.reuse) await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  try {
    if (!args.reuse) await populate(database, "postgres");
    const rows = await measure(database, "postgres");
    const file = args.plans ?? path.join(tmpdir(), `keel-bench-plans-${Date.now()}.txt`);
    await writeFile(file, await plans(database));
    console.error(`  EXPLAIN ANALYZE plans written to ${file}`);
    return rows;
  } finally {
    await database.close();
    if (args.keep || args.reuse) console.error(`  kept database ${name}`);
    else await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function onPglite(): Promise<Row[]> {
  const kept = args["pglite-dir"];
  const dir = kept ?? (await mkdtemp(path.join(tmpdir(), "keel-bench-")));
  const reuse = kept !== undefined && existsSync(path.join(kept, "PG_VERSION"));
  const database = await openDatabase({ dataDir: dir });
  try {
    if (!reuse) await populate(database, "pglite");
    return await measure(database, "pglite");
  } finally {
    await database.close();
    if (kept) console.error(`  kept PGlite data in ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

const rows: Row[] = [];
if (args.only !== "pglite") rows.push(...(await onPostgres()));
if (args.only !== "postgres") rows.push(...(await onPglite()));

const goal = (r: Row) => (r.db === "postgres" ? 150 : 1000);
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`\nDORA service, 90-day window ${WINDOW.from.slice(0, 10)} to ${WINDOW.to.slice(0, 10)}, ${CALLS} calls each`);
console.table(
  rows.map((r) => ({
    db: r.db,
    scope: r.scope,
    p50: ms(r.p50),
    p95: ms(r.p95),
    "floor p50": ms(r.floorP50),
    "floor p95": ms(r.floorP95),
    "ratio (p95)": `${(r.p95 / r.floorP95).toFixed(1)}x`,
    "goal p95": r.p95 <= goal(r) ? `≤ ${goal(r)} ms: met` : `≤ ${goal(r)} ms: MISSED`,
  })),
);
