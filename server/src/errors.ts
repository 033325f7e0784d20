// The domain's one error type. HTTP routes and tRPC map it to status codes in one place each
// (http/errors.ts, trpc/init.ts); an unreachable database is a 503 (knownErrorOf); anything else
// is a 500 whose cause goes to the log only.

import type { ErrorCodeValue } from "@keel/shared";
import { isDatabaseUnavailable } from "./db/dbErrors.ts";

/** The codes are part of the API contract, so they live with its schemas in shared. */
export type ErrorCode = ErrorCodeValue;

export interface ErrorDetail {
  /** Where the problem is, e.g. `events[3].finishedAt`. */
  path: string;
  message: string;
}

export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** Seconds a client is told to wait (Retry-After) when the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The domain error an unexpected error stands for, if any: today only "the database is
 * unreachable", which is a 503 the client may retry (webhook senders do), never a 500.
 */
export function knownErrorOf(error: unknown): KeelError | undefined {
  if (error instanceof KeelError) return error;
  if (isDatabaseUnavailable(error)) {
    return new KeelError("UNAVAILABLE", "The database is unreachable. Try again shortly.", [], { cause: error });
  }
  return undefined;
}

export class KeelError extends Error {
  override name = "KeelError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// Paths are written the same way by the server and the CLI.
export { formatPath } from "@keel/shared";
