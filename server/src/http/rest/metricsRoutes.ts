// REST v1 reading (api.md "Reading"), mounted under /api/v1/metrics behind the read scope. Routes
// are thin: validate the query with the shared schema, call one service.
import { MetricFilters } from "@keel/shared";
import { Router } from "express";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { KeelError } from "../../errors.ts";
import { getDoraMetrics } from "../../services/getDoraMetrics.ts";
import { getPullRequestMetrics } from "../../services/getPullRequestMetrics.ts";
import { parseOrThrow } from "../validate.ts";

/** Only weekly buckets exist (api.md: `bucket=week`); the parameter may be left out. */
const Bucket = z.object({ bucket: z.literal("week", { error: 'must be "week" (the only bucket supported)' }).default("week") });

export function metricsRoutes(db: Db): Router {
  const router = Router();

  router.get("/dora", async (req, res) => {
    const { bucket, ...filters } = req.query;
    const { bucket: week } = parseOrThrow(Bucket, { bucket });
    res.json(await getDoraMetrics({ db, input: { ...parseOrThrow(MetricFilters, filters), bucket: week } }));
  });

  router.get("/pull-requests", async (req, res) => {
    res.json(await getPullRequestMetrics({ db, input: parseOrThrow(MetricFilters, req.query) }));
  });

  // Anything else under /metrics is unknown here, rather than falling through to routes that
  // need another scope.
  router.use((req, _res, next) => {
    next(new KeelError("NOT_FOUND", `No such endpoint: ${req.method} ${req.originalUrl}`));
  });
  return router;
}
