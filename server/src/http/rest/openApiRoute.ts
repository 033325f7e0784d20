// GET /api/v1/openapi.json, without auth: the contract is public, the data is not.
import type { RequestHandler } from "express";
import { openApiDocument } from "../openapi/document.ts";

export function openApiRoute(): RequestHandler {
  // Built once: the schemas are fixed for the life of the process.
  const body = JSON.stringify(openApiDocument());
  return (_req, res) => {
    res.type("application/json").send(body);
  };
}
