// GET /metrics (docs/api.md "Prometheus metrics"): one prom-client registry per app, so that
// several apps in one process (the tests) never share or collide. Requests are labelled by route
// pattern, never the raw URL; ingestion and sync runs arrive through services/signals.ts; the
// webhook backlog and the database pool are read when Prometheus scrapes.
import type { Request, RequestHandler } from "express";
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Database } from "../../db/client.ts";
import { getWebhookBacklog } from "../../services/getWebhookBacklog.ts";
import { observeSignals } from "../../services/signals.ts";

export interface AppMetrics {
  /** Times every request; mount first. */
  observeRequests: RequestHandler;
  /** Answers the scrape in the Prometheus text format. */
  scrape: RequestHandler;
  registry: Registry;
}

/** Mount points answered without a matched route (refused before it, or not found): `${prefix}/*`. */
const PREFIXES = ["/api/v1/metrics", "/api/v1/services", "/api/v1", "/api", "/webhooks", "/trpc", "/auth", "/assets"];

/**
 * Where the router that matched was mounted. Express has already restored req.baseUrl when an
 * error answered, so it is the path less as many segments as the route has (mount paths here are
 * fixed, and a route parameter never spans a slash).
 */
function mountOf(path: string, routePath: string): string {
  const parts = path.split("/").filter(Boolean);
  const own = routePath.split("/").filter(Boolean).length;
  return parts.length > own ? `/${parts.slice(0, parts.length - own).join("/")}` : "";
}

/** The route pattern that answered (`/api/v1/users/:email`), never the raw URL. */
export function routeLabel(req: Request): string {
  const route = req.route as { path?: unknown } | undefined;
  // The web app's catch-all is a regular expression: every client-side page is one label.
  const path = req.originalUrl.split("?")[0] ?? "";
  if (route) return typeof route.path === "string" ? `${req.baseUrl || mountOf(path, route.path)}${route.path}` : "(web app)";
  const prefix = PREFIXES.find((p) => path === p || path.startsWith(`${p}/`));
  return prefix ? `${prefix}/*` : "unmatched";
}

export function createAppMetrics(database: Database): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Totals of gauges named like counters, which Prometheus' linter refuses; the same counts stay,
  // by type, in nodejs_active_handles, nodejs_active_requests and nodejs_active_resources.
  for (const name of ["nodejs_active_handles_total", "nodejs_active_requests_total", "nodejs_active_resources_total"]) registry.removeSingleMetric(name);

  const duration = new Histogram({
    name: "keel_http_request_duration_seconds",
    help: "HTTP requests by method, route pattern and status, and how long they took (its _count is the request count).",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const ingested = new Counter({
    name: "keel_events_ingested_total",
    help: "Events accepted for storage, by type (deployment, change, incident, build, test_report), from every source.",
    labelNames: ["type"] as const,
    registers: [registry],
  });
  const syncRuns = new Counter({
    name: "keel_sync_runs_total",
    help: "Connection syncs finished, by connection kind and outcome (success, failure).",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  const db = database.prisma;
  observeSignals(db, {
    eventsIngested: (type, count) => ingested.inc({ type }, count),
    syncRun: (kind, outcome) => syncRuns.inc({ kind, outcome }),
  });

  const backlog = () => getWebhookBacklog({ db, now: new Date() });
  let reading: ReturnType<typeof backlog> | undefined;
  // Both gauges are collected in the same scrape: one query for the two.
  const readBacklog = () =>
    (reading ??= backlog().finally(() => {
      reading = undefined;
    }));
  new Gauge({
    name: "keel_webhook_queue_depth",
    help: "Webhook deliveries stored and not yet processed.",
    registers: [registry],
    async collect() {
      this.set((await readBacklog()).depth);
    },
  });
  new Gauge({
    name: "keel_webhook_queue_oldest_age_seconds",
    help: "How long the oldest unprocessed webhook delivery has waited (0 when none waits).",
    registers: [registry],
    async collect() {
      this.set((await readBacklog()).oldestAgeSeconds);
    },
  });

  new Gauge({
    name: "keel_db_pool_max_connections",
    help: "Connections the database pool may open (1 on the embedded database: one in-process connection, no pool).",
    registers: [registry],
    collect() {
      this.set(database.poolStats?.().max ?? 1);
    },
  });
  if (database.poolStats) {
    const stats = database.poolStats;
    new Gauge({
      name: "keel_db_pool_connections",
      help: "PostgreSQL pool connections by state (idle, in_use).",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const now = stats();
        this.set({ state: "idle" }, now.idle);
        this.set({ state: "in_use" }, now.total - now.idle);
      },
    });
    new Gauge({
      name: "keel_db_pool_waiting_queries",
      help: "Queries waiting for a free PostgreSQL pool connection.",
      registers: [registry],
      collect() {
        this.set(stats().waiting);
      },
    });
  }

  return {
    registry,
    observeRequests(req, res, next) {
      const end = duration.startTimer();
      res.once("finish", () => end({ method: req.method, route: routeLabel(req), status: String(res.statusCode) }));
      next();
    },
    scrape(_req, res, next) {
      registry.metrics().then((text) => {
        res.set("Content-Type", registry.contentType).set("Cache-Control", "no-store").send(text);
      }, next);
    },
  };
}
