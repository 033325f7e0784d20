// What to tell a reader when a request failed: plain words, never a parser's or browser's
// internals such as "Unexpected end of JSON input".
import type { AppRouter } from "@keel/server/src/trpc/router.ts";
import { isTRPCClientError } from "@trpc/client";

export const SERVER_UNREACHABLE = "The Keel server did not answer. Check that it is running, then try again.";
export const SERVER_FAILED = "The Keel server could not answer this request. Try again; if it keeps failing, its log has the details.";

export function describeApiError(error: unknown): string {
  if (!isTRPCClientError<AppRouter>(error)) return SERVER_FAILED;
  const status = error.data?.httpStatus;
  // No tRPC error body: the request never reached Keel (network down, proxy with no server).
  if (status === undefined) return SERVER_UNREACHABLE;
  if (status >= 500) return SERVER_FAILED;
  // A 4xx message is written by the server for people (for example a filter it rejected); the
  // field-by-field details, when there are any, say more than its summary.
  const details = apiErrorDetails(error);
  return details && details.length > 0 ? details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; ") : error.message;
}

/**
 * The field-by-field reasons a request was refused (path "inputs.waitFactor"), for a form to show
 * beside its fields; undefined when the server gave none (or did not answer).
 */
export function apiErrorDetails(error: unknown): Detail[] | undefined {
  if (!isTRPCClientError<AppRouter>(error)) return undefined;
  const status = error.data?.httpStatus;
  if (status === undefined || status >= 500) return undefined;
  return detailsOf(error.shape) ?? issuesIn(error.message);
}

export interface Detail {
  path: string;
  message: string;
}

function isDetails(value: unknown): value is Detail[] {
  return (
    Array.isArray(value) &&
    value.every((d) => d && typeof d === "object" && typeof d.message === "string" && (d.path === undefined || typeof d.path === "string"))
  );
}

/** A domain error's details (the server's errorFormatter adds them to the error's shape). */
function detailsOf(shape: unknown): Detail[] | undefined {
  if (!shape || typeof shape !== "object" || !("details" in shape)) return undefined;
  return isDetails(shape.details) ? shape.details : undefined;
}

/** tRPC's input validation sends zod's issues as JSON in the message: word them as details. */
function issuesIn(message: string): Detail[] | undefined {
  if (!message.startsWith("[")) return undefined;
  try {
    const issues: unknown = JSON.parse(message);
    if (!Array.isArray(issues)) return undefined;
    return issues.flatMap((issue: unknown) => {
      if (!issue || typeof issue !== "object" || !("message" in issue) || typeof issue.message !== "string") return [];
      const path = "path" in issue && Array.isArray(issue.path) ? issue.path.join(".") : "";
      return [{ path, message: issue.message }];
    });
  } catch {
    return undefined;
  }
}
