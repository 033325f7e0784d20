// The checks every answer contract gets (openApiAnswers.test.ts for the readings, goals and demo;
// openApiAnswersAdmin.test.ts for the Settings and Data sources answers): the answer passes its
// output schema (strict objects: a field the schema does not name is refused, not dropped) and
// that schema as JSON Schema, checked by a real validator (Ajv, not the schema's own zod parse);
// where a REST route calls the same service, it gives the same JSON, and the OpenAPI document's
// response body for that route is the schema.
import * as outputs from "@keel/shared/outputs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, test } from "vitest";
import { jsonSchemaOf } from "../../server/src/http/openapi/components.ts";
import { appRouter } from "../../server/src/trpc/router.ts";
import type { TestApp } from "./httpApp.ts";

export interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> } | undefined>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

type Schema = Parameters<typeof jsonSchemaOf>[0];
/** The output schemas, by their export name in shared/src/outputs/ (and in the document's components). */
type SchemaName = { [K in keyof typeof outputs]: (typeof outputs)[K] extends Schema ? K : never }[keyof typeof outputs];
type RequestInit = Parameters<TestApp["request"]>[1];

export interface AnswerRoute {
  /** The REST route's path and method in the document, and the request that gives the same answer. */
  path: string;
  method?: "get" | "post" | "patch" | "delete" | undefined;
  status?: number | undefined;
  rest: () => string | [string, RequestInit];
}

export interface AnswerCase {
  procedure: string;
  /** The procedure does not check its answer with `.output()` (where that costs too much). */
  attached?: false;
  component: SchemaName;
  /** The answer through tRPC, in the REST route's shape. */
  call: () => Promise<unknown>;
  /** The REST route that answers the same, for procedures that have one. */
  route?: AnswerRoute | undefined;
}

/** The routers whose cases are in openApiAnswersAdmin.test.ts (openApiAnswers.test.ts has the others). */
export const ADMIN_ROUTERS = ["settings", "teams", "tokens", "users", "audit", "webhooks", "connections", "subscriptions"];

/** The tRPC procedures (router.name), and whether each checks its answer with `.output()`. */
export function procedureOutputs(): Map<string, boolean> {
  const procedures = (appRouter._def as unknown as { procedures: Record<string, { _def: { output?: unknown } }> }).procedures;
  return new Map(Object.entries(procedures).map(([path, p]) => [path, p._def.output !== undefined]));
}

/** Every path in a JSON value with its type: `summary.leadTime.level: string`. */
function fieldsOf(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return [`${path}: array`, ...value.flatMap((item, i) => fieldsOf(item, `${path}[${i}]`))];
  if (value !== null && typeof value === "object")
    return [`${path}: object`, ...Object.entries(value).flatMap(([key, item]) => fieldsOf(item, `${path}.${key}`))];
  return [`${path}: ${value === null ? "null" : typeof value}`];
}

/** One describe block a case, in the table's order (mutations after readings, removals last). */
export function describeAnswers(cases: AnswerCase[], served: () => { app: TestApp; doc: OpenApiDocument }): void {
  describe.each(cases)("$procedure", ({ component, call, route }) => {
    const schema = outputs[component] as Schema & { shape: object };
    let answer: unknown;
    let body: unknown;
    beforeAll(async () => {
      // A procedure with `.output()` checks its answer against the schema: an unknown field throws.
      answer = await call();
      if (!route) return;
      const [url, init] = [route.rest()].flat() as [string, RequestInit];
      const res = await served().app.request(url, init);
      expect(res.status, await res.clone().text()).toBe(route.status ?? 200);
      body = await res.json();
    }, 120_000);

    test("the answer passes its schema", () => {
      // Strict objects: a field the schema does not name is refused, not dropped.
      expect(schema.safeParse(answer).success).toBe(true);
    });

    test("the answer on the wire validates against the schema as JSON Schema, which refuses an extra field", () => {
      const ajv = new Ajv2020({ strict: false, validateFormats: false });
      const validate = ajv.compile(jsonSchemaOf(schema, "output"));
      const wire = route ? body : JSON.parse(JSON.stringify(answer));
      expect(validate(wire), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      expect(validate({ ...(wire as object), unexpected: 1 })).toBe(false);
    });

    if (!route) return;
    const { path, method = "get", status = 200 } = route;

    test("the answer has every field the service gives, and the wire is the REST route's", () => {
      // Every field, at every depth, with its JSON type, in the same order (cost avoided moves with
      // the clock, so the figures of two calls may differ in their last digits; their fields may not).
      expect(fieldsOf(JSON.parse(JSON.stringify(answer)))).toEqual(fieldsOf(body));
    });

    test("the OpenAPI response body is the schema as JSON Schema, not prose", () => {
      const { doc } = served();
      expect(doc.paths[path]?.[method]?.responses[String(status)]?.content?.["application/json"]?.schema).toEqual({
        $ref: `#/components/schemas/${component}`,
      });
      const documented = doc.components.schemas[component];
      expect(documented).toEqual(jsonSchemaOf(schema, "output"));
      expect(documented).toMatchObject({ type: "object", additionalProperties: false });
      expect(Object.keys((documented?.properties ?? {}) as object)).toEqual(Object.keys(schema.shape));
    });

    test("the REST answer validates against the document's schema", () => {
      const ajv = new Ajv2020({ strict: false, validateFormats: false });
      const validate = ajv.compile(served().doc.components.schemas[component] ?? {});
      expect(validate(body), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
      // And the validator does refuse: an extra field anywhere at the top is an error.
      expect(validate({ ...(body as object), unexpected: 1 })).toBe(false);
    });
  });
}
