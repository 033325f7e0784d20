// GET /api/v1/openapi.json: served without auth, covering every route the app registers under
// /api/v1, and describing the events exactly as the shared zod schemas validate them.
import { BuildEvent, ChangeEvent, DeploymentEvent, EventBatch, IncidentEvent } from "@keel/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createApp } from "../../server/src/http/app.ts";
import { createLogger } from "../../server/src/logger.ts";
import { createTestDatabase, type TestDatabase } from "../support/database.ts";
import { listRoutes } from "../support/expressRoutes.ts";
import { startTestApp, type TestApp } from "../support/httpApp.ts";

interface Document {
  openapi: string;
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: unknown }> }; security?: unknown[] }> & { servers?: { url: string }[] }
  >;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[]; additionalProperties?: unknown }> };
}

let app: TestApp;
let doc: Document;
beforeAll(async () => {
  app = await startTestApp();
  const res = await app.request("/api/v1/openapi.json", { token: null });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  doc = (await res.json()) as Document;
});
afterAll(() => app?.close());

describe("the OpenAPI document", () => {
  test("is OpenAPI 3.1 and needs no token", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).length).toBeGreaterThan(5);
  });

  describe("covers the routes the app registers", () => {
    let database: TestDatabase;
    let routes: { method: string; path: string }[];
    let allRoutes: { method: string; path: string }[];
    beforeAll(async () => {
      database = await createTestDatabase();
      allRoutes = listRoutes(createApp({ database, logger: createLogger("silent") }));
      routes = allRoutes
        .filter((r) => r.path.startsWith("/api/v1/"))
        .map((r) => ({ method: r.method, path: r.path.slice("/api/v1".length).replace(/:(\w+)/g, "{$1}") }));
    });
    afterAll(() => database?.close());

    test("the route list is read from the app", () => {
      expect(routes).toContainEqual({ method: "post", path: "/events" });
      expect(routes).toContainEqual({ method: "post", path: "/builds/{buildId}/junit" });
    });

    test("every route under /api/v1 is in the document", () => {
      const missing = routes.filter((r) => !doc.paths[r.path]?.[r.method]).map((r) => `${r.method.toUpperCase()} ${r.path}`);
      expect(missing).toEqual([]);
    });

    test("every operation in the document is a route the app serves", () => {
      const documented = Object.entries(doc.paths)
        .filter(([, item]) => !item.servers)
        .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
      const served = new Set(routes.map((r) => `${r.method} ${r.path}`));
      expect(documented.filter((op) => !served.has(op))).toEqual([]);
    });

    test("a path with its own server (GET /metrics, at the root) is served there", () => {
      const elsewhere = Object.entries(doc.paths).filter(([, item]) => item.servers);
      expect(elsewhere.map(([path]) => path)).toEqual(["/metrics"]);
      const served = new Set(allRoutes.map((r) => `${r.method} ${r.path}`));
      for (const [path, { servers, ...ops }] of elsewhere) {
        for (const method of Object.keys(ops)) expect(served, `${method} ${path}`).toContain(`${method} ${servers![0]!.url.replace(/\/$/, "")}${path}`);
      }
    });
  });

  test.each([
    ["DeploymentEvent", DeploymentEvent],
    ["ChangeEvent", ChangeEvent],
    ["IncidentEvent", IncidentEvent],
    ["BuildEvent", BuildEvent],
  ] as const)("%s matches the zod schema", (name, schema) => {
    const documented = doc.components.schemas[name];
    const { $schema: _dialect, ...expected } = schema.toJSONSchema({ io: "input" });
    expect(documented).toEqual(expected);
    // Read independently of toJSONSchema, from the zod object itself: the same fields, the same
    // required ones (no default, not optional), and nothing else accepted.
    const shape = schema.shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;
    expect(Object.keys(documented?.properties ?? {}).sort()).toEqual(Object.keys(shape).sort());
    const required = Object.keys(shape).filter((key) => !shape[key]?.safeParse(undefined).success);
    expect([...(documented?.required ?? [])].sort()).toEqual(required.sort());
    expect(documented?.additionalProperties).toBe(false);
  });

  test("the batch endpoint takes the EventBatch schema, each per-type endpoint its event or an array of it", () => {
    const { $schema: _dialect, ...batch } = EventBatch.toJSONSchema({ io: "input" });
    expect(doc.components.schemas.EventBatch).toEqual(batch);
    expect(doc.paths["/events"]?.post?.requestBody?.content["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/EventBatch" });
    for (const [path, name] of [
      ["/deployments", "DeploymentEvent"],
      ["/changes", "ChangeEvent"],
      ["/incidents", "IncidentEvent"],
      ["/builds", "BuildEvent"],
    ]) {
      const ref = { $ref: `#/components/schemas/${name}` };
      expect(doc.paths[path as string]?.post?.requestBody?.content["application/json"]?.schema).toEqual({
        oneOf: [ref, { type: "array", minItems: 1, maxItems: 5000, items: ref }],
      });
    }
  });

  test("every $ref resolves", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1] as string);
    expect(refs.length).toBeGreaterThan(10);
    expect(refs.filter((name) => !doc.components.schemas[name])).toEqual([]);
  });

  test("every operation but the document itself needs a bearer token", () => {
    for (const [path, { servers: _server, ...ops }] of Object.entries(doc.paths)) {
      for (const op of Object.values(ops)) expect(op.security, path).toEqual(path === "/openapi.json" ? [] : [{ bearerAuth: [] }]);
    }
  });
});
