// The OpenAPI 3.1 document of REST v1, served at GET /api/v1/openapi.json. Schemas come from the
// shared zod schemas (components.ts); paths are relative to the server below.
import { adminPaths } from "./adminPaths.ts";
import { connectionPaths } from "./connectionPaths.ts";
import { components } from "./components.ts";
import { costPaths } from "./costPaths.ts";
import { goalPaths } from "./goalPaths.ts";
import { ingestPaths } from "./ingestPaths.ts";
import { metricsPaths } from "./metricsPaths.ts";
import { operationsPaths } from "./operationsPaths.ts";
import { subscriptionPaths } from "./subscriptionPaths.ts";

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Keel REST API",
      version: "1",
      description:
        "Ingestion of deployments, changes, incidents and CI builds, and reading of metrics. Every error is JSON: `{ error: { code, message, details? } }`.",
    },
    servers: [{ url: "/api/v1" }],
    paths: {
      "/openapi.json": { get: { summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1, JSON" } } } },
      ...ingestPaths(),
      ...metricsPaths(),
      ...costPaths(),
      ...adminPaths(),
      ...operationsPaths(),
      ...connectionPaths(),
      ...goalPaths(),
      ...subscriptionPaths(),
    },
    components: {
      schemas: components(),
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", description: "An API token: `Authorization: Bearer <token>`." } },
    },
  };
}
