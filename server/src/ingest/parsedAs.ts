// How a webhook mapping reads its payload: each mapping is written for the payload its schema
// describes, and parsedAs makes it one for any JSON, dropping a payload without that shape.
import type { z } from "zod";
import { unreadable, type MapResult } from "./mapResult.ts";

/** `map` over payloads `schema` reads; any other is dropped as unreadable, named by `kind` ("Push Hook"). */
export function parsedAs<S extends z.ZodType, Rest extends unknown[]>(
  kind: string,
  schema: S,
  map: (payload: z.infer<S>, ...rest: Rest) => MapResult,
): (payload: unknown, ...rest: Rest) => MapResult {
  return (payload, ...rest) => {
    const parsed = schema.safeParse(payload);
    return parsed.success ? map(parsed.data, ...rest) : unreadable(kind, parsed.error);
  };
}
