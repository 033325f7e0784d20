// The request parts the goal, administration, connection and subscription paths share: a JSON body
// as the route's shared zod schema accepts it, and a record's id in the path.
import type { z } from "zod";
import { jsonSchemaOf } from "./components.ts";

export const jsonBody = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: jsonSchemaOf(schema, "input") } } });

/** `{id}`: the uuid of a goal, connection or subscription. */
export const idParam = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };
