// Cost views latency at an organisation's CI scale: a year of CI for 200 services in 20 teams
// (~10 million test results at --scale 1, generated in the database: db/queries/bench/costsBenchData.ts),
// then, on the real Express app (in this process, over HTTP on loopback, bearer token), for a
// 90-day window org-wide, for one team and for one service:
//   GET /api/v1/metrics/flaky-tests?limit=50, /metrics/hours-lost, /reports/weekly (the window's
//   last ISO week, and one with three weeks of data after it), /export/flaky-tests.csv and /metrics/flaky-tests/{id}/history (the scope's
//   top flaky test), beside a floor: the bare count of the test results the answer summarises.
// "cold": before each call a write commits, so the data version changes and no cache can answer;
// "repeat": the same request again with no write in between.
//
// Usage: pnpm bench:costs [--pglite] [--scale 1] [--calls 10] [--warmup 1] [--json FILE]
//                         [--plans FILE] [--keep] [--reuse NAME] [--pglite-dir DIR] [--only ENDPOINT,...]
//   PostgreSQL: BENCH_DATABASE_URL (a server's admin database; default 127.0.0.1:5432/postgres);
//   the benchmark creates keel_bench_costs_<random> there and drops it. --pglite measures PGlite
//   instead, at 0.3 × the scale (3 million results). --reuse NAME measures a kept database (after
//   applying any pending migration). Goal: org ≤ 1 s (PGlite ≤ 2 s), team ≤ 300 ms.
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DAY_MS } from "@keel/shared/calendar";
import type { Database } from "../src/db/client.ts";
import { generateCostsBenchData } from "../src/db/queries/bench/costsBenchData.ts";
import { bumpDataVersion, costsDatasetSize, testResultsFloor } from "../src/db/queries/bench/costsFloor.ts";
import { BENCH_DATABASE_OPTIONS, log, onBenchPglite, onBenchPostgres } from "./benchDatabase.ts";
import { benchScopes, percentile, serve, time, writeJson, type JsonResult } from "./harness.ts";
import { costsPlans } from "./costsPlans.ts";

const { values: args } = parseArgs({
  options: {
    ...BENCH_DATABASE_OPTIONS,
    pglite: { type: "boolean", default: false },
    scale: { type: "string", default: "1" },
    calls: { type: "string", default: "10" },
    warmup: { type: "string", default: "1" },
    only: { type: "string" },
  },
});
const CALLS = Math.max(1, Number(args.calls));
const WARMUP = Math.max(0, Number(args.warmup));
const SCALE = Number(args.scale) * (args.pglite ? 0.3 : 1);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const END = new Date("2026-11-23T00:00:00Z"); // a Monday: the data and the window end here
const WINDOW = { from: new Date(END.getTime() - 90 * DAY_MS), to: END };
const week = (name: string, weeksBeforeEnd: number) => ({
  name,
  from: new Date(END.getTime() - 7 * weeksBeforeEnd * DAY_MS),
  to: new Date(END.getTime() - 7 * (weeksBeforeEnd - 1) * DAY_MS),
});
const WEEK = week("2026-W47", 1);
/** A week with three weeks of data after it: its tests ran since, so their states are computed as of its end. */
const PAST_WEEK = week("2026-W44", 4);
const SCOPES = benchScopes("svc-3");

interface Endpoint {
  name: string;
  /** The request's path; null when the endpoint has no such scope (the weekly report has no service filter). */
  path(filters: Record<string, string>, shiftMs: number, testId: number): string | null;
  floor: "window" | "week" | "past-week" | "test";
}

const windowQuery = (filters: Record<string, string>, shiftMs: number, extra: Record<string, string> = {}) =>
  new URLSearchParams({
    from: new Date(WINDOW.from.getTime() + shiftMs).toISOString(),
    to: new Date(WINDOW.to.getTime() + shiftMs).toISOString(),
    ...filters,
    ...extra,
  }).toString();

const ENDPOINTS: Endpoint[] = [
  { name: "flaky-tests", floor: "window", path: (f, s) => `/api/v1/metrics/flaky-tests?${windowQuery(f, s, { limit: "50" })}` },
  { name: "hours-lost", floor: "window", path: (f, s) => `/api/v1/metrics/hours-lost?${windowQuery(f, s)}` },
  {
    name: "weekly-report",
    floor: "week",
    path: (f) => (f.service ? null : `/api/v1/reports/weekly?${new URLSearchParams({ week: WEEK.name, ...f }).toString()}`),
  },
  {
    name: "weekly-report-W44",
    floor: "past-week",
    path: (f) => (f.service ? null : `/api/v1/reports/weekly?${new URLSearchParams({ week: PAST_WEEK.name, ...f }).toString()}`),
  },
  { name: "flaky-tests.csv", floor: "window", path: (f, s) => `/api/v1/export/flaky-tests.csv?${windowQuery(f, s)}` },
  { name: "flaky-test-history", floor: "test", path: (f, s, id) => `/api/v1/metrics/flaky-tests/${id}/history?${windowQuery(f, s)}` },
];

const generate = (database: Database) =>
  generateCostsBenchData(database.prisma, { teams: 20, services: 200, commitsPerService: Math.round(400 * SCALE), end: END }, log);

async function measure(database: Database, kind: string): Promise<JsonResult[]> {
  const rows: JsonResult[] = [];
  const api = await serve(database);
  try {
    for (const scope of SCOPES) {
      const top = JSON.parse(await api.get(`/api/v1/metrics/flaky-tests?${windowQuery(scope.filters, 0, { limit: "1" })}`)) as { tests: { id: number }[] };
      const testId = top.tests[0]?.id ?? 1;
      for (const endpoint of ENDPOINTS) {
        if (endpoint.path(scope.filters, 0, testId) === null) continue;
        if (args.only && !args.only.split(",").includes(endpoint.name)) continue;
        const get = (shift: number) => api.get(endpoint.path(scope.filters, shift, testId)!);
        const cold = await time(
          CALLS,
          WARMUP,
          (i) => get(i + 1),
          () => bumpDataVersion(database.prisma),
        );
        const repeat = await time(CALLS, WARMUP, () => get(0));
        const span = endpoint.floor === "week" ? WEEK : endpoint.floor === "past-week" ? PAST_WEEK : WINDOW;
        const floor = await time(CALLS, WARMUP, () =>
          testResultsFloor(database.prisma, { from: span.from, to: span.to, ...scope.filters, ...(endpoint.floor === "test" ? { testCaseId: testId } : {}) }),
        );
        const row: JsonResult = {
          db: kind,
          endpoint: endpoint.name,
          scope: scope.name,
          coldP50Ms: percentile(cold, 0.5),
          coldP95Ms: percentile(cold, 0.95),
          repeatP95Ms: percentile(repeat, 0.95),
          floorP95Ms: percentile(floor, 0.95),
        };
        log(
          `${scope.name} ${endpoint.name}: cold p50 ${row.coldP50Ms.toFixed(1)} ms, p95 ${row.coldP95Ms.toFixed(1)} ms; repeat p95 ${row.repeatP95Ms.toFixed(1)} ms (floor p95 ${row.floorP95Ms.toFixed(1)} ms)`,
        );
        rows.push(row);
      }
    }
  } finally {
    await api.close();
  }
  return rows;
}

async function measured(database: Database, kind: string) {
  const dataset = await costsDatasetSize(database.prisma);
  log(`data set: ${JSON.stringify(dataset)}`);
  return { dataset, results: await measure(database, kind) };
}

function onPostgres() {
  const bench = {
    adminUrl: ADMIN_URL,
    prefix: "keel_bench_costs_",
    reuse: args.reuse,
    keep: args.keep,
    heading: `postgres: migrations and data (scale ${SCALE})`,
  };
  return onBenchPostgres(bench, generate, async (database) => {
    const answer = await measured(database, "postgres");
    const file = args.plans ?? path.join(tmpdir(), `keel-bench-costs-plans-${Date.now()}.txt`);
    await writeFile(file, await costsPlans(database.prisma, { ...WINDOW, timeZone: "UTC" }, END));
    console.error(`  EXPLAIN (ANALYZE, BUFFERS) plans written to ${file}`);
    return answer;
  });
}

function onPglite() {
  const bench = { keptDir: args["pglite-dir"], prefix: "keel-bench-costs-", heading: `pglite: migrations and data (scale ${SCALE})` };
  return onBenchPglite(bench, generate, (database) => measured(database, "pglite"));
}

const { dataset, results } = args.pglite ? await onPglite() : await onPostgres();
const goal = (r: JsonResult) => (r.scope === "org" ? (r.db === "postgres" ? 1000 : 2000) : r.db === "postgres" ? 300 : null);
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(
  `\n${dataset.testResults.toLocaleString("en")} test results, ${dataset.buildAttempts.toLocaleString("en")} build attempts, ` +
    `${dataset.flakyTests.toLocaleString("en")} flaky tests; 90-day window to ${END.toISOString().slice(0, 10)} (weekly: ${WEEK.name}); ${CALLS} calls each`,
);
console.table(
  results.map((r) => ({
    db: r.db,
    endpoint: r.endpoint,
    scope: r.scope,
    "cold p50": ms(r.coldP50Ms),
    "cold p95": ms(r.coldP95Ms),
    "repeat p95": ms(r.repeatP95Ms),
    "floor p95": ms(r.floorP95Ms),
    "goal (cold p95)": goal(r) === null ? "" : r.coldP95Ms <= goal(r)! ? `≤ ${goal(r)} ms: met` : `≤ ${goal(r)} ms: MISSED`,
  })),
);
if (args.json) await writeJson(args.json, { dataset, results });
