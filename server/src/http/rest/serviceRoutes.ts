// REST v1 reads about one service, mounted under /api/v1/services behind the read or ingest scope.
import { LastDeploymentParams, LastDeploymentQuery } from "@keel/shared";
import { Router } from "express";
import type { Db } from "../../db/client.ts";
import { KeelError } from "../../errors.ts";
import { getLastDeployment } from "../../services/getLastDeployment.ts";
import { parseOrThrow } from "../validate.ts";

export function serviceRoutes(db: Db): Router {
  const router = Router();
  router.get("/:slug/last-deployment", async (req, res) => {
    const { slug } = parseOrThrow(LastDeploymentParams, req.params);
    const { environment } = parseOrThrow(LastDeploymentQuery, req.query);
    res.json(await getLastDeployment({ db, input: { service: slug, environment } }));
  });
  // Anything else under /services is unknown here, rather than falling through to routes that
  // need another scope.
  router.use((req, _res, next) => {
    next(new KeelError("NOT_FOUND", `No such endpoint: ${req.method} ${req.originalUrl}`));
  });
  return router;
}
