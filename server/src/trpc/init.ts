// tRPC's base procedures and the mapping of domain errors to tRPC codes (one place). Every
// procedure starts from one of the role-checked bases (viewer, editor, admin): none is public.
import { roleCovers, type RoleValue } from "@keel/shared";
import { initTRPC, TRPCError } from "@trpc/server";
import { KeelError, knownErrorOf, type ErrorCode } from "../errors.ts";
import { audited, type AuditEntryInput } from "../services/auth/audit.ts";
import { actorOf, roleOf } from "../services/auth/identity.ts";
import type { Context } from "./context.ts";

/** Who may call a procedure; the authorization test reads it from every procedure. */
export interface Meta {
  access: RoleValue;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
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

/** Runs before input validation, so a caller without the role learns nothing about the input. */
function requireRole(needed: RoleValue) {
  return t.middleware(({ ctx, next }) => {
    const role = roleOf(ctx.identity);
    if (role === null) {
      const message = ctx.identity.kind === "token" ? "This token cannot use the web app's API; use a read or admin token." : "Sign in to use Keel.";
      throw new TRPCError({ code: ctx.identity.kind === "token" ? "FORBIDDEN" : "UNAUTHORIZED", message });
    }
    if (!roleCovers(role, needed)) throw new TRPCError({ code: "FORBIDDEN", message: `This needs the ${needed} role; yours is ${role}.` });
    return next();
  });
}

export const router = t.router;
const base = t.procedure.use(mapErrors);
export const viewerProcedure = base.meta({ access: "viewer" }).use(requireRole("viewer"));
export const editorProcedure = base.meta({ access: "editor" }).use(requireRole("editor"));
export const adminProcedure = base.meta({ access: "admin" }).use(requireRole("admin"));

/** A change through the web app's API, recorded in the audit log with who made it. */
export function audit<T>(ctx: Context, entry: Omit<AuditEntryInput, "actor" | "ip">, change: () => Promise<T>): Promise<T> {
  return audited({ db: ctx.db, input: { ...entry, actor: actorOf(ctx.identity), ip: ctx.ip } }, change);
}
export const createCallerFactory = t.createCallerFactory;
