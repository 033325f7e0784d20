// REST v1 ingestion (api.md "Ingestion"): the mixed batch endpoint and one per event type.
import { isUtf8 } from "node:buffer";
import { BuildEvent, ChangeEvent, DeploymentEvent, EventBatch, IncidentEvent, MAX_BATCH_EVENTS, type AnyEventData } from "@keel/shared";
import express, { Router, type Request } from "express";
import { z } from "zod";
import type { Db } from "../../db/client.ts";
import { KeelError } from "../../errors.ts";
import { recordEvents } from "../../services/recordEvents.ts";
import { assertDepth, parseOrThrow } from "../validate.ts";
import { junitRoute } from "./junitRoute.ts";

// JSON bodies must be UTF-8 (RFC 8259). The parser would otherwise replace invalid bytes with
// U+FFFD and store text nobody sent, so the raw bytes are checked first.
const jsonBody = express.json({
  limit: "10mb",
  strict: true,
  type: () => true,
  verify: (_req, _res, body) => {
    if (!isUtf8(body)) throw new KeelError("VALIDATION_FAILED", "The request body is not valid UTF-8.");
  },
});

function requireJson(req: Request): void {
  if (!req.is("application/json")) {
    throw new KeelError("UNSUPPORTED_MEDIA_TYPE", "Send JSON with Content-Type: application/json.");
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.get("content-type") ?? "")?.[1];
  if (charset && !/^utf-?8$/i.test(charset)) {
    throw new KeelError("UNSUPPORTED_MEDIA_TYPE", `Send JSON as UTF-8 (charset ${charset} is not supported).`);
  }
}

/** A batch over the limit is too large (413), like a body over 10 MB, before it is validated. */
function assertBatchSize(events: unknown): void {
  if (Array.isArray(events) && events.length > MAX_BATCH_EVENTS) {
    throw new KeelError("PAYLOAD_TOO_LARGE", `A batch holds up to ${MAX_BATCH_EVENTS} events; this one has ${events.length}.`);
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
    assertBatchSize((req.body as { events?: unknown } | null)?.events);
    const { events } = parseOrThrow(EventBatch, req.body);
    res.json(await recordEvents({ db, events, source: "rest" }));
  });

  for (const [route, { type, schema }] of Object.entries(perType)) {
    const one = schema.extend({ type: z.literal(type).default(type) });
    const many = z.array(one).min(1).max(MAX_BATCH_EVENTS);
    router.post(`/${route}`, checkContentType, jsonBody, async (req, res) => {
      assertDepth(req.body);
      assertBatchSize(req.body);
      // One object, or an array of them; errors are named `[2].finishedAt` or `finishedAt`.
      const parsed = Array.isArray(req.body) ? parseOrThrow(many, req.body) : [parseOrThrow(one, req.body)];
      res.json(await recordEvents({ db, events: parsed as AnyEventData[], source: "rest" }));
    });
  }
  router.post("/builds/:buildId/junit", junitRoute(db));
  return router;
}
