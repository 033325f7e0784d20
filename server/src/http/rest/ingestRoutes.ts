// REST v1 ingestion (api.md "Ingestion"): the mixed batch endpoint and one per event type.
import { BuildEvent, ChangeEvent, DeploymentEvent, EventBatch, IncidentEvent, MAX_BATCH_EVENTS, type AnyEventData } from "@keel/shared";
import express, { Router, type Request } from "express";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { KeelError } from "../../errors.ts";
import { recordEvents } from "../../services/recordEvents.ts";
import { assertDepth, parseOrThrow } from "../validate.ts";
import { junitRoute } from "./junitRoute.ts";

const jsonBody = express.json({ limit: "10mb", strict: true, type: () => true });

function requireJson(req: Request): void {
  if (!req.is("application/json")) {
    throw new KeelError("UNSUPPORTED_MEDIA_TYPE", "Send JSON with Content-Type: application/json.");
  }
}

const perType = {
  deployments: { type: "deployment", schema: DeploymentEvent },
  changes: { type: "change", schema: ChangeEvent },
  incidents: { type: "incident", schema: IncidentEvent },
  builds: { type: "build", schema: BuildEvent },
} as const;

export function ingestRoutes(db: Db): Router {
  const router = Router();
  const checkContentType: express.RequestHandler = (req, _res, next) => {
    try {
      requireJson(req);
      next();
    } catch (error) {
      next(error);
    }
  };

  router.post("/events", checkContentType, jsonBody, async (req, res) => {
    assertDepth(req.body);
    if (Array.isArray((req.body as { events?: unknown })?.events) && (req.body as { events: unknown[] }).events.length > MAX_BATCH_EVENTS) {
      throw new KeelError("PAYLOAD_TOO_LARGE", `A batch holds at most ${MAX_BATCH_EVENTS} events.`);
    }
    const { events } = parseOrThrow(EventBatch, req.body);
    res.json(await recordEvents({ db, events, source: "rest" }));
  });

  for (const [route, { type, schema }] of Object.entries(perType)) {
    const one = schema.extend({ type: z.literal(type).default(type) });
    const many = z.array(one).min(1).max(MAX_BATCH_EVENTS);
    router.post(`/${route}`, checkContentType, jsonBody, async (req, res) => {
      assertDepth(req.body);
      // One object, or an array of them; errors are named `[2].finishedAt` or `finishedAt`.
      const parsed = Array.isArray(req.body) ? parseOrThrow(many, req.body) : [parseOrThrow(one, req.body)];
      res.json(await recordEvents({ db, events: parsed as AnyEventData[], source: "rest" }));
    });
  }
  router.post("/builds/:buildId/junit", junitRoute(db));
  return router;
}
