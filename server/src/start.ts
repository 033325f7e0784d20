// Starting and stopping Keel: database, migrations, demo data, HTTP server. main.ts and the
// tests both use this, so what the tests start is what a user starts.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { startAutoVacuum } from "./db/autoVacuum.ts";
import { openDatabase, type Database } from "./db/client.ts";
import { applyMigrations } from "./db/migrations.ts";
import type { Env } from "./env.ts";
import { createApp } from "./http/app.ts";
import type { Logger } from "./logger.ts";
import { loadDemoIfEmpty } from "./services/loadDemo.ts";
import { ensureFirstToken } from "./services/tokens.ts";
import { createWebhookQueue } from "./services/webhookQueue.ts";

export interface RunningKeel {
  url: string;
  database: Database;
  close(): Promise<void>;
}

export async function openAndMigrate(env: Env, logger: Logger): Promise<Database> {
  const database = await openDatabase(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir: env.KEEL_DATA_DIR });
  if (database.recoveredStaleLock) {
    logger.warn({ dataDir: env.KEEL_DATA_DIR }, "recovered the embedded database after an unclean stop (stale lock removed)");
  }
  try {
    const applied = await applyMigrations(database.adapterFactory);
    if (applied.length) logger.info({ migrations: applied }, "applied migrations");
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

export async function startKeel(env: Env, logger: Logger): Promise<RunningKeel> {
  const started = Date.now();
  const database = await openAndMigrate(env, logger);
  if (env.KEEL_DEMO) {
    const demo = await loadDemoIfEmpty({ db: database.prisma, now: new Date() });
    if (demo) logger.info(demo, "loaded the demo data set (set KEEL_DEMO=0 to start empty)");
  }
  if (!env.KEEL_API_TOKEN) {
    const token = await ensureFirstToken({ db: database.prisma });
    if (token) {
      // Printed once, on purpose outside the structured log: it is never stored or shown again.
      process.stdout.write(
        `\n  Keel created an admin API token. Save it now; it will not be shown again:\n\n    ${token}\n\n` +
          `  Use it as "Authorization: Bearer <token>". Create more with: pnpm keel token create\n\n`,
      );
    }
  }
  const spool = env.DATABASE_URL ? undefined : path.join(env.KEEL_DATA_DIR, "webhook-spool");
  const webhookQueue = createWebhookQueue({ db: database.prisma, logger, spool });
  // PGlite has no autovacuum to keep the planner's statistics and the visibility map; PostgreSQL does.
  const autoVacuum = database.kind === "pglite" ? startAutoVacuum({ db: database.prisma, logger }) : undefined;
  const webhookSecrets = { github: env.KEEL_GITHUB_WEBHOOK_SECRET, gitlab: env.KEEL_GITLAB_WEBHOOK_TOKEN, pagerduty: env.KEEL_PAGERDUTY_WEBHOOK_SECRET };
  const app = createApp({ database, logger, webDist: env.KEEL_WEB_DIST, apiToken: env.KEEL_API_TOKEN, webhooks: { secrets: webhookSecrets, queue: webhookQueue } });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(env.PORT, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  webhookQueue.kick(); // webhook deliveries a crash left unprocessed
  logger.info({ url, database: database.kind, startupMs: Date.now() - started }, "Keel is ready");
  let closing: Promise<void> | undefined;
  return {
    url,
    database,
    close() {
      closing ??= (async () => {
        // Stop accepting, let in-flight requests finish (their events are committed before they
        // are acknowledged), then close the database so PGlite leaves no lock behind.
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await webhookQueue.stop(); // finishes the webhook delivery in flight; the rest stay queued
        await autoVacuum?.stop();
        await database.close();
      })();
      return closing;
    },
  };
}
