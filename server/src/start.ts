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
import { createOidcClient } from "./http/oidc.ts";
import { openSetupIfNoUsers } from "./services/auth/setup.ts";
import { publishLocalCli } from "./cli/localServer.ts";
import type { Logger } from "./logger.ts";
import { loadDemoIfEmpty } from "./services/loadDemo.ts";
import { ensureFirstToken } from "./services/tokens.ts";
import { createWebhookQueue } from "./services/webhookQueue.ts";
import { secretBoxFor } from "./services/secrets/secretBox.ts";
import { DAY_MS, HOUR_MS } from "@keel/shared/calendar";
import { recordSyncRun } from "./services/signals.ts";
import { createSyncScheduler } from "./connections/scheduler.ts";
import { startScheduler } from "./jobs/scheduler.ts";
import { webhookSecretsFrom } from "./ingest/webhookVendors.ts";

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
  const webhookSecrets = webhookSecretsFrom(env);
  const bound = env.KEEL_HOST === "0.0.0.0" || env.KEEL_HOST === "::" ? [] : [env.KEEL_HOST];
  const security = { publicUrl: env.KEEL_PUBLIC_URL, allowedHosts: [...env.KEEL_ALLOWED_HOSTS, ...bound], oidcIssuer: env.KEEL_OIDC_ISSUER };
  const oidc =
    env.KEEL_OIDC_ISSUER && env.KEEL_OIDC_CLIENT_ID && env.KEEL_PUBLIC_URL
      ? {
          client: createOidcClient(
            { issuer: env.KEEL_OIDC_ISSUER, clientId: env.KEEL_OIDC_CLIENT_ID, clientSecret: env.KEEL_OIDC_CLIENT_SECRET, publicUrl: env.KEEL_PUBLIC_URL },
            logger,
          ),
          policy: { allowedDomains: env.KEEL_OIDC_ALLOWED_DOMAINS, defaultRole: env.KEEL_OIDC_DEFAULT_ROLE },
        }
      : undefined;
  const secrets = secretBoxFor({ secretKey: env.KEEL_SECRET_KEY, dataDir: env.DATABASE_URL ? undefined : env.KEEL_DATA_DIR });
  // Weekly reports and "send now" (docs/digest.md): a pass at once (a send missed while Keel was
  // down goes out now), then every 30 seconds.
  const jobs = startScheduler({
    db: database.prisma,
    secrets,
    logger,
    digest: { smtpUrl: env.KEEL_SMTP_URL, mailFrom: env.KEEL_MAIL_FROM, publicUrl: env.KEEL_PUBLIC_URL },
  });
  const syncs = createSyncScheduler({
    db: database.prisma,
    secrets,
    logger,
    intervalMinutes: env.KEEL_SYNC_INTERVAL_MINUTES,
    onSyncFinished: (run) => recordSyncRun(database.prisma, run.kind, run.outcome), // GET /metrics: keel_sync_runs_total
  });
  const app = createApp({
    database,
    secrets,
    syncs,
    jobs,
    logger,
    webDist: env.KEEL_WEB_DIST,
    apiToken: env.KEEL_API_TOKEN,
    webhooks: { secrets: webhookSecrets, queue: webhookQueue },
    anonymousRole: env.KEEL_ANONYMOUS_ROLE,
    session: { idleMs: env.KEEL_SESSION_IDLE_HOURS * HOUR_MS, maxMs: env.KEEL_SESSION_MAX_DAYS * DAY_MS },
    security,
    oidc,
  });
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(env.PORT, env.KEEL_HOST, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  const host = bound[0] ?? "localhost";
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  webhookQueue.kick(); // webhook deliveries a crash left unprocessed
  const setupToken = await openSetupIfNoUsers({ db: database.prisma });
  if (setupToken) {
    // Printed once, outside the structured log: whoever reads this terminal chooses the first admin.
    const base = env.KEEL_PUBLIC_URL?.replace(/\/+$/, "") ?? url.replace("127.0.0.1", "localhost");
    process.stdout.write(
      `\n  Keel has no users yet. Open this link to choose the first admin's e-mail and password\n  (it works once, for 24 hours):\n\n    ${base}/setup#${setupToken}\n\n`,
    );
  }
  const localCli = database.kind === "pglite" ? await publishLocalCli({ db: database.prisma, dataDir: env.KEEL_DATA_DIR, url }) : undefined;
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
        await localCli?.withdraw();
        await syncs.stop(); // a sync in flight stops at its next page; its cursors resume it later
        await webhookQueue.stop(); // finishes the webhook delivery in flight; the rest stay queued
        await jobs.stop(); // finishes the message in flight; the rest stay queued in the database
        await autoVacuum?.stop();
        await database.close();
      })();
      return closing;
    },
  };
}
