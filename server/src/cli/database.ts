// Commands that work on the database directly (migrate, token) open it with the server's settings.
// The database layer is imported on use, so commands that only call the API start quickly.
import type { Database } from "../db/client.ts";
import { parseEnv } from "../env.ts";
import { createLogger } from "../logger.ts";

export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const env = parseEnv();
  const { openAndMigrate } = await import("../start.ts");
  const database = await openAndMigrate(env, createLogger(env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL));
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
