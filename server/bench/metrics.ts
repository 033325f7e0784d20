// DORA metrics latency at scale: two years of data for 200 services in ~20 teams (200,000
// deployments, 1,000,000 changes, 20,000 incidents), generated in the database, then
// GET /api/v1/metrics/dora (the real Express app, in this process, over HTTP on loopback) for a
// 90-day window org-wide, for one team and for one service, beside a floor query (the bare weekly
// count of successful deployments over the same window and filters).
// On PostgreSQL (a throwaway database keel_bench_<random>) and on PGlite (a temp directory).
//
// Two figures per scope. "cold": every call asks for a window no earlier call asked for (shifted
// by a millisecond), so nothing is served from the report cache and every call computes the report
// in the database. "repeat": the same window again with no write in between, as a dashboard does;
// the report cache (services/cache/reportCache.ts) answers after one data-version read.
//
// Usage: pnpm bench:metrics [--calls 30] [--only postgres|pglite] [--plans file] [--keep] [--reuse name] [--json FILE] [--cpu N]
//   Goal: p95 ≤ 150 ms on PostgreSQL, ≤ 1 s on PGlite, and ≤ 3× the floor.
//   --plans writes EXPLAIN ANALYZE of the main queries on PostgreSQL (default: a temp file).
//   --keep leaves the PostgreSQL database in place; --reuse <name> measures an existing one (after
//   applying any pending migration).
//   --pglite-dir <dir> keeps PGlite's data there (generated once, reused when present).
//   --json FILE writes { "dataset": { deployments, changes, incidents },
//   "results": [{ db, endpoint: "dora", scope, coldP50Ms, coldP95Ms, repeatP95Ms, floorP95Ms }] }
//   (the shape bench:costs writes).
//   --cpu N runs each main statement N times on one connection and prints PostgreSQL's CPU per run
//   (bench/backendCpu.ts; a local server only): steadier than wall-clock time on a loaded machine.
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { MetricFilters } from "@keel/shared";
import { DAY_MS } from "@keel/shared/calendar";
import type { Database } from "../src/db/client.ts";
import { doraDatasetSize, generateDoraBenchData, type DoraDatasetSize } from "../src/db/queries/bench/doraBenchData.ts";
import { explainAnalyze } from "../src/db/queries/bench/explain.ts";
import { deploymentsPerWeek } from "../src/db/queries/deploymentsPerWeek.ts";
import { deploymentsWithoutChangesSql } from "../src/db/queries/dora/dataQuality.ts";
import { deploymentOutcomesSql } from "../src/db/queries/dora/deploymentOutcomes.ts";
import { leadTimeSql } from "../src/db/queries/dora/leadTime.ts";
import { recoveryTimeSql } from "../src/db/queries/dora/recoveryTime.ts";
import { resolveScope } from "../src/services/scope/resolveScope.ts";
import type { DoraQuery } from "../src/db/queries/dora/fragments.ts";
import type { Prisma } from "../src/generated/prisma/client.ts";
import { backendCpuPerRun } from "./backendCpu.ts";
import { BENCH_DATABASE_OPTIONS, log, onBenchPglite, onBenchPostgres } from "./benchDatabase.ts";
import { benchScopes, percentile, serve, time, writeJson, type JsonResult } from "./harness.ts";
import { pullRequestPlans, pullRequestsPath } from "./pullRequestsBench.ts";

const { values: args } = parseArgs({
  options: {
    ...BENCH_DATABASE_OPTIONS,
    calls: { type: "string", default: "30" },
    only: { type: "string" },
    cpu: { type: "string" },
  },
});
const CALLS = Math.max(30, Number(args.calls));
/** Untimed calls first: plans, buffers. */
const WARMUP = 3;
const ADMIN_URL = process.env.KEEL_BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const END = new Date("2026-11-23T00:00:00Z"); // a Monday
const WINDOW = { from: new Date(END.getTime() - 90 * DAY_MS).toISOString(), to: END.toISOString() };
const SCOPES = benchScopes("svc-1");

interface Row {
  db: string;
  /** "dora" or "pull-requests" (issue 15's endpoint, measured on the same rows beside the same floor). */
  endpoint: "dora" | "pull-requests";
  scope: string;
  p50: number;
  p95: number;
  repeatP50: number;
  repeatP95: number;
  floorP50: number;
  floorP95: number;
}

/** The DORA endpoint's path for the window shifted by `shiftMs`. */
function doraPath(filters: Record<string, string>, shiftMs: number): string {
  const shift = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString();
  return `/api/v1/metrics/dora?${new URLSearchParams({ from: shift(WINDOW.from), to: shift(WINDOW.to), ...filters }).toString()}`;
}

const generate = (database: Database) =>
  generateDoraBenchData(database.prisma, { teams: 20, services: 200, deployments: 200_000, changesPerDeployment: 5, incidents: 20_000, end: END }, log);

async function measure(database: Database, kind: string): Promise<Row[]> {
  const rows: Row[] = [];
  const api = await serve(database);
  try {
    for (const scope of SCOPES) {
      const cold = await time(CALLS, WARMUP, (i) => api.get(doraPath(scope.filters, i + 1)));
      const repeat = await time(CALLS, WARMUP, () => api.get(doraPath(scope.filters, 0)));
      const floor = await time(CALLS, WARMUP, () =>
        deploymentsPerWeek(database.prisma, {
          from: new Date(WINDOW.from),
          to: new Date(WINDOW.to),
          timeZone: "UTC",
          environment: "production",
          ...scope.filters,
        }),
      );
      const row: Row = {
        db: kind,
        endpoint: "dora",
        scope: scope.name,
        p50: percentile(cold, 0.5),
        p95: percentile(cold, 0.95),
        repeatP50: percentile(repeat, 0.5),
        repeatP95: percentile(repeat, 0.95),
        floorP50: percentile(floor, 0.5),
        floorP95: percentile(floor, 0.95),
      };
      log(
        `${scope.name}: cold p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms; repeat p95 ${row.repeatP95.toFixed(1)} ms (floor p95 ${row.floorP95.toFixed(1)} ms)`,
      );
      rows.push(row);
      // The pull-request phases have no report cache: every call is cold, the repeat included.
      const prCold = await time(CALLS, WARMUP, (i) => api.get(pullRequestsPath(WINDOW, scope.filters, i + 1)));
      const prRepeat = await time(CALLS, WARMUP, () => api.get(pullRequestsPath(WINDOW, scope.filters, 0)));
      const pr: Row = {
        ...row,
        endpoint: "pull-requests",
        p50: percentile(prCold, 0.5),
        p95: percentile(prCold, 0.95),
        repeatP50: percentile(prRepeat, 0.5),
        repeatP95: percentile(prRepeat, 0.95),
      };
      log(`${scope.name} pull-requests: cold p50 ${pr.p50.toFixed(1)} ms, p95 ${pr.p95.toFixed(1)} ms; repeat p95 ${pr.repeatP95.toFixed(1)} ms`);
      rows.push(pr);
    }
  } finally {
    await api.close();
  }
  return rows;
}

/** The report's main statements for one scope's 90-day window. */
async function statements(database: Database, filters: Record<string, string>): Promise<{ q: DoraQuery; list: [string, Prisma.Sql][] }> {
  const { q } = await resolveScope({ db: database.prisma, input: MetricFilters.parse({ ...WINDOW, ...filters }) });
  const list: [string, Prisma.Sql][] = [
    ["deploymentOutcomes", deploymentOutcomesSql(q)],
    ["leadTime current", leadTimeSql(q, "current")],
    ["leadTime previous", leadTimeSql(q, "previous")],
    ["recoveryTime", recoveryTimeSql(q)],
    ["deploymentsWithoutChanges", deploymentsWithoutChangesSql(q)],
  ];
  return { q, list };
}

async function plans(database: Database): Promise<string> {
  const out: string[] = [];
  for (const scope of SCOPES) {
    const { q, list } = await statements(database, scope.filters);
    for (const [name, sql] of list) out.push(`==== ${name} (${scope.name}) ====\n${await explainAnalyze(database.prisma, sql)}\n`);
    out.push(await pullRequestPlans(database.prisma, q, scope.name));
  }
  return out.join("\n");
}

/** --cpu: PostgreSQL's CPU per run of each statement (bench/backendCpu.ts), which load hardly moves. */
async function cpu(database: Database, url: string): Promise<void> {
  const runs = Number(args.cpu);
  for (const scope of SCOPES) {
    const { list } = await statements(database, scope.filters);
    const perRun = await backendCpuPerRun(url, list, runs);
    console.error(`  backend CPU per run (${scope.name}, ${runs} runs): ${perRun.map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`).join(", ")}`);
  }
}

function onPostgres(): Promise<Row[]> {
  const bench = { adminUrl: ADMIN_URL, prefix: "keel_bench_", reuse: args.reuse, keep: args.keep, heading: "postgres: migrations and data" };
  return onBenchPostgres(bench, generate, async (database, url) => {
    dataset ??= await datasetSize(database);
    const rows = await measure(database, "postgres");
    if (args.cpu) await cpu(database, url);
    const file = args.plans ?? path.join(tmpdir(), `keel-bench-plans-${Date.now()}.txt`);
    await writeFile(file, await plans(database));
    console.error(`  EXPLAIN ANALYZE plans written to ${file}`);
    return rows;
  });
}

function onPglite(): Promise<Row[]> {
  return onBenchPglite({ keptDir: args["pglite-dir"], prefix: "keel-bench-", heading: "pglite: migrations and data" }, generate, async (database) => {
    dataset ??= await datasetSize(database);
    return measure(database, "pglite");
  });
}

let dataset: DoraDatasetSize | undefined;
const datasetSize = (database: Database) => doraDatasetSize(database.prisma);

const rows: Row[] = [];
if (args.only !== "pglite") rows.push(...(await onPostgres()));
if (args.only !== "postgres") rows.push(...(await onPglite()));

const goal = (r: Row) => (r.db === "postgres" ? 150 : 1000);
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`\nGET /api/v1/metrics/dora and /pull-requests, 90-day window ${WINDOW.from.slice(0, 10)} to ${WINDOW.to.slice(0, 10)}, ${CALLS} calls each`);
console.table(
  rows.map((r) => ({
    db: r.db,
    endpoint: r.endpoint,
    scope: r.scope,
    "cold p50": ms(r.p50),
    "cold p95": ms(r.p95),
    "repeat p50": ms(r.repeatP50),
    "repeat p95": ms(r.repeatP95),
    "floor p50": ms(r.floorP50),
    "floor p95": ms(r.floorP95),
    "cold / floor (p95)": `${(r.p95 / r.floorP95).toFixed(1)}x`,
    "repeat / floor (p95)": `${(r.repeatP95 / r.floorP95).toFixed(1)}x`,
    "goal p95 (cold)": r.p95 <= goal(r) ? `≤ ${goal(r)} ms: met` : `≤ ${goal(r)} ms: MISSED`,
  })),
);
if (args.json) {
  const results: JsonResult[] = rows.map((r) => ({
    db: r.db,
    endpoint: r.endpoint,
    scope: r.scope,
    coldP50Ms: r.p50,
    coldP95Ms: r.p95,
    repeatP95Ms: r.repeatP95,
    floorP95Ms: r.floorP95,
  }));
  await writeJson(args.json, { dataset, results });
}
