// What to tell a reader when a request failed: plain words, never a parser's or browser's
// internals such as "Unexpected end of JSON input".
import type { AppRouter } from "@keel/server/src/trpc/router.ts";
import { isTRPCClientError } from "@trpc/client";

export const SERVER_UNREACHABLE = "The Keel server did not answer. Check that it is running, then try again.";
export const SERVER_FAILED =
  "The Keel server could not answer this request. Try again; if it keeps failing, its log has the details.";

export function describeApiError(error: unknown): string {
  if (!isTRPCClientError<AppRouter>(error)) return SERVER_FAILED;
  const status = error.data?.httpStatus;
  // No tRPC error body: the request never reached Keel (network down, proxy with no server).
  if (status === undefined) return SERVER_UNREACHABLE;
  if (status >= 500) return SERVER_FAILED;
  // A 4xx message is written by the server for people (for example a filter it rejected).
  return error.message;
}
