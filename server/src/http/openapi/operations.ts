// Small builders for OpenAPI operation objects, so each path reads as what it is.
import { ref, type ComponentName, type JsonSchema } from "./components.ts";

export type Operation = Record<string, unknown>;

const statusText: Record<number, string> = {
  400: "Invalid request: `details` names every failing field by path, e.g. `events[3].finishedAt`.",
  401: "The API token is missing, unknown or revoked.",
  403: "The token's scope does not cover this endpoint.",
  404: "Not found.",
  413: "The request is too large.",
  415: "Wrong content type or encoding.",
  500: "Server error; no internals are included.",
};

export function errors(...statuses: number[]): Record<string, unknown> {
  return Object.fromEntries(
    [...statuses, 500].map((status) => [
      String(status),
      { description: statusText[status] ?? "Error", content: { "application/json": { schema: ref("ErrorResponse") } } },
    ]),
  );
}

export function jsonResponse(description: string, schema: ComponentName | JsonSchema): Record<string, unknown> {
  return { description, content: { "application/json": { schema: typeof schema === "string" ? ref(schema) : schema } } };
}

/** The token scope an operation needs (api.md "Auth"), as a bearer requirement and a readable note. */
export function scoped(scope: "ingest" | "read" | "admin", operation: Operation): Operation {
  return {
    ...operation,
    security: [{ bearerAuth: [] }],
    "x-keel-scope": scope,
    description:
      `${String(operation.description ?? "")}\n\nNeeds a token with the ${scope === "admin" ? "`admin` scope (or an admin's session)" : `\`${scope}\` or \`admin\` scope${scope === "read" ? " (or a signed-in session)" : ""}`}.`.trim(),
  };
}

/** Parameters from a JSON Schema object's properties (the zod schema the route validates them with). */
function parameters(where: "query" | "path", schema: JsonSchema): Record<string, unknown>[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({ name, in: where, required: where === "path" || required.has(name), schema: property }));
}

export const queryParameters = (schema: JsonSchema) => parameters("query", schema);
export const pathParameters = (schema: JsonSchema) => parameters("path", schema);
