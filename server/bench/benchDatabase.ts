// Where a latency benchmark's data lives (bench/costs.ts, bench/metrics.ts): a throwaway PostgreSQL
// database, or a kept one (--keep, then --reuse NAME), or a PGlite directory (a temporary one, or a
// kept one with --pglite-dir). A kept database may predate a migration: reusing it applies the
// pending ones, and on PostgreSQL vacuums and analyses what they rewrote.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../src/db/client.ts";
import { applyMigrations } from "../src/db/migrations.ts";
import { analyzeBenchData } from "../src/db/queries/bench/doraBenchData.ts";
import { admin, databaseUrl } from "./harness.ts";

/**
 * The command-line options both latency benchmarks take (parseArgs's `options`): where the data
 * lives (--keep, --reuse NAME, --pglite-dir DIR), and where the query plans and the JSON results go.
 */
export const BENCH_DATABASE_OPTIONS = {
  keep: { type: "boolean", default: false },
  reuse: { type: "string" },
  "pglite-dir": { type: "string" },
  plans: { type: "string" },
  json: { type: "string" },
} as const;

export const log = (message: string) => console.error(`  ${message}`);

type Generate = (database: Database) => Promise<void>;

/** Fills a new database: the migrations, then `generate`, then vacuum and analyse; logs the time taken. */
async function populate(database: Database, heading: string, generate: Generate): Promise<void> {
  console.error(heading);
  await applyMigrations(database.adapterFactory);
  const t = performance.now();
  await generate(database);
  await analyzeBenchData(database.prisma);
  log(`generated and analysed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

export interface PostgresBench {
  /** A server's admin database, where the bench database is created and dropped. */
  adminUrl: string;
  /** The new database's name before its random suffix: keel_bench_, keel_bench_costs_. */
  prefix: string;
  /** A kept database to measure instead of generating one. */
  reuse?: string | undefined;
  /** Leave the new database in place afterwards. */
  keep: boolean;
  heading: string;
}

/** `work` on a PostgreSQL bench database (and its URL), created, reused or kept as `bench` says. */
export async function onBenchPostgres<T>(bench: PostgresBench, generate: Generate, work: (database: Database, url: string) => Promise<T>): Promise<T> {
  const name = bench.reuse ?? `${bench.prefix}${randomBytes(5).toString("hex")}`;
  if (!bench.reuse) await admin(bench.adminUrl, `CREATE DATABASE ${name}`);
  const url = databaseUrl(bench.adminUrl, name);
  const database = await openDatabase({ databaseUrl: url });
  try {
    if (!bench.reuse) await populate(database, bench.heading, generate);
    else {
      await applyMigrations(database.adapterFactory);
      await analyzeBenchData(database.prisma);
    }
    return await work(database, url);
  } finally {
    await database.close();
    if (bench.keep || bench.reuse) console.error(`  kept database ${name}`);
    else await admin(bench.adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

/** `work` on a PGlite bench database: in `keptDir` (generated once, then reused) or a temporary directory. */
export async function onBenchPglite<T>(
  bench: { keptDir?: string | undefined; prefix: string; heading: string },
  generate: Generate,
  work: (database: Database) => Promise<T>,
): Promise<T> {
  const dir = bench.keptDir ?? (await mkdtemp(path.join(tmpdir(), bench.prefix)));
  const reuse = bench.keptDir !== undefined && existsSync(path.join(bench.keptDir, "PG_VERSION"));
  const database = await openDatabase({ dataDir: dir });
  try {
    if (!reuse) await populate(database, bench.heading, generate);
    else await applyMigrations(database.adapterFactory);
    return await work(database);
  } finally {
    await database.close();
    if (bench.keptDir) console.error(`  kept PGlite data in ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}
