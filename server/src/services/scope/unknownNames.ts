// The 400 for a team or service slug that names nothing (api.md: bad input is a 400 naming the
// field), written once for the scope of every read and for the services that look a team up to
// change it (goals, the cost model).
import { KeelError, type ErrorDetail } from "../../errors.ts";

/** The error naming the slugs given here: pass only those that name nothing (one or both). */
export function unknownNames({ team, service }: { team?: string | undefined; service?: string | undefined }): KeelError {
  const details: ErrorDetail[] = [];
  if (team !== undefined) details.push({ path: "team", message: `no team with slug "${team}"` });
  if (service !== undefined) details.push({ path: "service", message: `no service with slug "${service}"` });
  return new KeelError("VALIDATION_FAILED", `Invalid request: ${details.map((d) => d.path).join(", ")}.`, details);
}
