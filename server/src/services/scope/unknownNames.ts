// The 400 for a team or service slug that names nothing (api.md: bad input is a 400 naming the
// field), written once for the scope of every read and for the services that look a team up to
// change it (goals, the cost model).
import { KeelError, type ErrorDetail } from "../../errors.ts";

/** The error naming the slugs given here, by filter: pass only those that name nothing (one or more). */
export function unknownNames(names: Partial<Record<string, string | undefined>>): KeelError {
  const details: ErrorDetail[] = Object.entries(names)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([field, slug]) => ({ path: field, message: `no ${field} with slug "${slug}"` }));
  return new KeelError("VALIDATION_FAILED", `Invalid request: ${details.map((d) => d.path).join(", ")}.`, details);
}
