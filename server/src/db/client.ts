// One database layer: embedded PostgreSQL (PGlite) by default, a real PostgreSQL when a URL is
// given. Both speak the same SQL, so every query is written once.
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.ts";
import { acquireDataDir, releaseDataDir } from "./dataDirLock.ts";

export type Db = PrismaClient;

const POOL_MAX = 10;

export interface Database {
  prisma: Db;
  kind: "pglite" | "postgres";
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** True when a previous process died holding the embedded database and its lock was cleared. */
  recoveredStaleLock: boolean;
  /** Connections of the PostgreSQL pool now (GET /metrics); PGlite has one in-process connection and no pool. */
  poolStats?: () => PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  /** Queries waiting for a free connection. */
  waiting: number;
}

export type DatabaseTarget = { databaseUrl: string } | { dataDir: string } | { memory: true };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if ("databaseUrl" in target) {
    // JIT compilation off: Keel's queries run in milliseconds, and compiling the metric queries'
    // expressions cost more (200-400 ms measured, docs/metrics.md "Performance") than running them.
    // A database that accepts no connection (down, or a dropped network) fails the request within
    // seconds, answered 503 (errors.ts), instead of holding it until the client gives up. pg-pool
    // applies the same limit to waiting for a free connection, so it is well above what a busy
    // pool makes a request wait.
    const config = {
      connectionString: target.databaseUrl,
      max: POOL_MAX,
      connectionTimeoutMillis: 15_000,
      options: "-c jit=off -c work_mem=32MB",
    };
    // Migrations open and end their own pools through the factory; requests use this one, made
    // here so that its counts can be read.
    const adapterFactory = new PrismaPg(config);
    const pool = new pg.Pool(config);
    // An idle connection the server ends (a PostgreSQL restart, a failover, an administrator's
    // pg_terminate_backend: 57P01) is an 'error' event on the pool, which pg's documentation asks
    // every pool to handle: pg-pool has already dropped that connection and the next query opens
    // another (test/integration/postgresRestart.test.ts).
    pool.on("error", () => undefined);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    return {
      prisma,
      kind: "postgres",
      adapterFactory,
      recoveredStaleLock: false,
      poolStats: () => ({ max: POOL_MAX, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      async close() {
        await prisma.$disconnect();
        await pool.end();
      },
    };
  }
  const dataDir = "dataDir" in target ? target.dataDir : undefined;
  const { recoveredStaleLock } = dataDir ? acquireDataDir(dataDir) : { recoveredStaleLock: false };
  const pglite = await PGlite.create(dataDir);
  // Sorts for the metrics' percentiles stay in memory: spilling goes through PGlite's emulated file
  // system and made the DORA query 2.5x slower (docs/metrics.md "Performance"). One connection,
  // in-process, so this is the whole budget.
  await pglite.exec("SET work_mem = '64MB'");
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    prisma,
    kind: "pglite",
    adapterFactory,
    recoveredStaleLock,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      if (dataDir) releaseDataDir(dataDir);
    },
  };
}
