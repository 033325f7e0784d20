// One Express app serves the API, webhooks, tRPC for the web app and the built web app itself.
import { existsSync } from "node:fs";
import path from "node:path";
import { createExpressMiddleware } from "@trpc/server/adapters/express";
import express, { type Express } from "express";
import type { Database } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { KeelError } from "../errors.ts";
import { appRouter } from "../trpc/router.ts";
import { errorHandler, sendError } from "./errors.ts";
import { identifyRequests, requireScope } from "./auth.ts";
import { authRoutes } from "./authRoutes.ts";
import type { OidcClient } from "./oidc.ts";
import { adminRoutes } from "./rest/adminRoutes.ts";
import { connectionRoutes, type SyncKicker } from "./rest/connectionRoutes.ts";
import { goalRoutes } from "./rest/goalRoutes.ts";
import { checkHost, checkOrigin, securityHeaders, type SecurityOptions } from "./security.ts";
import type { SessionPolicy } from "../services/auth/sessions.ts";
import type { OidcPolicy } from "../services/auth/oidcSignIn.ts";
import { createAppMetrics } from "./metrics/registry.ts";
import { readiness } from "./readiness.ts";
import { retryAfterOn503 } from "./retryAfter.ts";
import { TRPC_MAX_BODY_BYTES, trpcLimits } from "./trpcLimits.ts";
import { drainRefusedBodies } from "./wholeAnswers.ts";
import { costRoutes } from "./rest/costRoutes.ts";
import { dataSourceRoutes } from "./rest/dataSourceRoutes.ts";
import { webhookSetupOf } from "./webhookSetup.ts";
import { ingestRoutes } from "./rest/ingestRoutes.ts";
import { metricsRoutes } from "./rest/metricsRoutes.ts";
import { randomBytes } from "node:crypto";
import { secretBox, type SecretBox } from "../services/secrets/secretBox.ts";
import { openApiRoute } from "./rest/openApiRoute.ts";
import { serviceRoutes } from "./rest/serviceRoutes.ts";
import { subscriptionRoutes } from "./rest/subscriptionRoutes.ts";
import { webhookRoutes, type WebhookOptions } from "./webhooks/webhookRoutes.ts";
import { DAY_MS, HOUR_MS } from "@keel/shared/calendar";

export interface AppOptions {
  database: Database;
  logger: Logger;
  webDist?: string | undefined;
  /** KEEL_API_TOKEN: an admin token accepted for every API call. */
  apiToken?: string | undefined;
  /** Webhook secrets (unset: that webhook answers 404) and the queue that processes deliveries. */
  webhooks?: WebhookOptions | undefined;
  /** KEEL_ANONYMOUS_ROLE: what a visitor who is not signed in may do (nothing by default). */
  anonymousRole?: "viewer" | undefined;
  session?: SessionPolicy | undefined;
  security?: SecurityOptions | undefined;
  oidc?: { client: OidcClient; policy: Omit<OidcPolicy, "session"> } | undefined;
  /** Seals stored secrets (start.ts: KEEL_SECRET_KEY or the data directory's key). Unset (tests): a key for this process only. */
  secrets?: SecretBox | undefined;
  /** The connections' schedule (connections/scheduler.ts), kicked by "sync now"; unset: syncs wait for a server that runs one. */
  syncs?: SyncKicker | undefined;
  /** The scheduler of this process (start.ts), woken by "send now"; unset, deliveries wait for one. */
  jobs?: { kick(): void } | undefined;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 12 * HOUR_MS, maxMs: 7 * DAY_MS };

export function createApp(options: AppOptions): Express {
  const { database, logger, webDist, apiToken, webhooks } = options;
  const session = options.session ?? DEFAULT_SESSION_POLICY;
  const security = options.security ?? { allowedHosts: [] };
  const secrets = options.secrets ?? secretBox(randomBytes(32));
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  const metrics = createAppMetrics(database);
  app.use(metrics.observeRequests, retryAfterOn503(), drainRefusedBodies(), securityHeaders(security));

  // Health probes come by address from load balancers: before the Host check.
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    const state = await readiness(database);
    res.status(state.ready ? 200 : 503).json(state);
  });

  // Everything below: Keel's own host names only. Who is asking is looked up where it matters
  // (not for the web app's files or the webhooks, which have their own signatures).
  app.use(checkHost(security));
  app.use(
    ["/auth", "/trpc", "/api", "/metrics"],
    identifyRequests(database.prisma, { apiToken, anonymousRole: options.anonymousRole, session }),
    checkOrigin(security),
  );

  app.use("/auth", authRoutes(database.prisma, logger, { session, security, oidc: options.oidc }));
  app.use(
    "/trpc",
    trpcLimits(),
    createExpressMiddleware({
      maxBodySize: TRPC_MAX_BODY_BYTES,
      router: appRouter,
      createContext: ({ req }) => ({
        db: database.prisma,
        logger,
        identity: req.identity ?? { kind: "anonymous", role: null },
        ip: req.ip ?? "unknown",
        secrets,
        syncs: options.syncs,
        jobs: options.jobs,
        webhookSetup: webhookSetupOf(req, security.publicUrl, webhooks?.secrets),
      }),
    }),
  );

  // Prometheus scrapes with a read token (a signed-in person may look too).
  app.get("/metrics", requireScope("read"), metrics.scrape);
  app.get("/api/v1/openapi.json", openApiRoute());
  // A service's last deployment is what `keel deploy` reads to list the commits it ships, from a
  // CI job whose token is usually ingest-only.
  app.use("/api/v1/services", requireScope(["read", "ingest"]), serviceRoutes(database.prisma));
  app.use("/api/v1", goalRoutes(database.prisma));
  app.use("/api/v1", adminRoutes(database.prisma));
  app.use("/api/v1", dataSourceRoutes(database.prisma, { publicUrl: security.publicUrl, secrets: webhooks?.secrets }));
  app.use("/api/v1", connectionRoutes(database.prisma, secrets, options.syncs));
  app.use("/api/v1", subscriptionRoutes(database.prisma, secrets, options.jobs));
  app.use("/api/v1", costRoutes(database.prisma));
  app.use("/api/v1/metrics", requireScope("read"), metricsRoutes(database.prisma));
  app.use("/api/v1", requireScope("ingest"), ingestRoutes(database.prisma));
  app.use("/webhooks", webhookRoutes(database.prisma, webhooks));
  app.use(["/api", "/webhooks"], (req, res) => {
    sendError(res, new KeelError("NOT_FOUND", `No such endpoint: ${req.method} ${req.originalUrl}`));
  });

  if (webDist && existsSync(path.join(webDist, "index.html"))) {
    app.use(express.static(webDist, { index: false, maxAge: "1h" }));
    // Client-side routes (/executive, /flaky-tests, ...) all load the app shell.
    app.get(/^\/(?!assets\/).*/, (_req, res) => {
      res.sendFile(path.join(webDist, "index.html"), { headers: { "Cache-Control": "no-cache" } });
    });
  }

  app.use(errorHandler(logger));
  return app;
}
