// Each test file gets its own database with the migrations applied: an in-memory PGlite, or with
// KEEL_TEST_DB=postgres a fresh PostgreSQL database that is dropped afterwards. No shared state.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../../server/src/db/client.ts";
import { applyMigrations } from "../../server/src/db/migrations.ts";

export const testDbKind = process.env.KEEL_TEST_DB === "postgres" ? "postgres" : "pglite";
export const postgresAdminUrl = process.env.KEEL_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export interface TestDatabase extends Database {
  /** The URL of the PostgreSQL test database (undefined on PGlite). */
  url?: string;
}

function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresAdminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database; returns its URL and a function that drops it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `keel_test_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: withDatabaseName(postgresAdminUrl, name),
    drop: () =>
      admin(async (c) => {
        // The pools have ended, but the server may not have seen their last connections go yet:
        // FORCE would end those, and a connection told so while it is closing raises an error no
        // one listens to any more (57P01, an unhandled error that fails the run). Wait for them, a
        // little, first.
        for (let tries = 0; tries < 40; tries++) {
          const { rows } = await c.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1", [name]);
          if (rows[0]?.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDbKind === "pglite") {
    const database = await openDatabase({ memory: true });
    await applyMigrations(database.adapterFactory);
    return database;
  }
  const { url, drop } = await createPostgresDatabase();
  const database = await openDatabase({ databaseUrl: url });
  await applyMigrations(database.adapterFactory);
  return {
    ...database,
    url,
    async close() {
      await database.close();
      await drop();
    },
  };
}

/** Where a Keel process under test keeps its data: a database of its own on PostgreSQL (KEEL_TEST_DB=postgres), else a data directory of its own. */
export async function processStore(name: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (testDbKind === "postgres") {
    const db = await createPostgresDatabase();
    return { env: { DATABASE_URL: db.url }, drop: db.drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), `keel-${name}-`));
  return { env: { KEEL_DATA_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
