// tRPC's base procedures and the mapping of domain errors to tRPC codes (one place).
import { initTRPC, TRPCError } from "@trpc/server";
import { KeelError, knownErrorOf, type ErrorCode } from "../errors.ts";
import type { Context } from "./context.ts";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // Internals never reach the browser: a 500's message is generic.
    // "The database is unreachable" (503) is written for clients and says nothing internal.
    const internal = shape.data.httpStatus >= 500 && !(error.cause instanceof KeelError && error.cause.code === "UNAVAILABLE");
    return {
      ...shape,
      message: internal ? "Internal error" : shape.message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path },
      ...(error.cause instanceof KeelError ? { details: error.cause.details } : {}),
    };
  },
});

const trpcCodeOf: Record<ErrorCode, TRPCError["code"]> = {
  VALIDATION_FAILED: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  RATE_LIMITED: "TOO_MANY_REQUESTS",
  INTERNAL: "INTERNAL_SERVER_ERROR",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

const mapErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = knownErrorOf(result.error.cause);
    if (cause) throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
    if (result.error.code === "INTERNAL_SERVER_ERROR") ctx.logger.error({ err: result.error.cause ?? result.error, path }, "tRPC procedure failed");
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapErrors);
export const createCallerFactory = t.createCallerFactory;
