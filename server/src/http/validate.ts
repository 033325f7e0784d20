// Request validation with the shared zod schemas: every failing field named by path.
import { issueDetails } from "@keel/shared";
import type { z } from "zod";
import { KeelError } from "../errors.ts";

export const MAX_JSON_DEPTH = 20;

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix: readonly PropertyKey[] = []): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = issueDetails(result.error, prefix);
  const fields = [...new Set(details.map((d) => d.path))];
  throw new KeelError(
    "VALIDATION_FAILED",
    `Invalid request: ${fields.slice(0, 5).join(", ")}${fields.length > 5 ? ` and ${fields.length - 5} more` : ""}.`,
    details,
  );
}

/** Deeply nested JSON is refused before validation walks it. */
export function assertDepth(value: unknown, limit = MAX_JSON_DEPTH): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== "object") continue;
    if (depth > limit) throw new KeelError("VALIDATION_FAILED", `The JSON body is nested more than ${limit} levels deep.`);
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
}
