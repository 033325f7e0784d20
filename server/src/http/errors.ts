// Every HTTP error is JSON of one shape (api.md "Errors"); a 500 carries no internals.
import type { ErrorRequestHandler, Response } from "express";
import { httpStatusOf, KeelError, knownErrorOf, RETRY_AFTER_SECONDS } from "../errors.ts";
import type { Logger } from "../logger.ts";

export function sendError(res: Response, error: KeelError): void {
  if (error.code === "UNAVAILABLE") res.set("Retry-After", String(RETRY_AFTER_SECONDS));
  res.status(httpStatusOf[error.code]).json({
    error: { code: error.code, message: error.message, ...(error.details.length ? { details: error.details } : {}) },
  });
}

/** Body-parser and other middleware errors carry `type` and `status`; map them to our codes. */
function fromMiddleware(error: unknown): KeelError | undefined {
  const e = error as { type?: string; status?: number; message?: string };
  if (e.type === "entity.too.large") return new KeelError("PAYLOAD_TOO_LARGE", "The request body is too large.");
  if (e.type === "entity.parse.failed") return new KeelError("VALIDATION_FAILED", "The request body is not valid JSON.");
  if (e.type === "encoding.unsupported") return new KeelError("UNSUPPORTED_MEDIA_TYPE", "Unsupported content encoding.");
  if (typeof e.status === "number" && e.status >= 400 && e.status < 500) {
    return new KeelError(e.status === 415 ? "UNSUPPORTED_MEDIA_TYPE" : "VALIDATION_FAILED", "The request could not be read.");
  }
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const known = knownErrorOf(error) ?? fromMiddleware(error);
    if (known?.code === "UNAVAILABLE") logger.warn({ err: error, method: req.method, url: req.originalUrl }, "database unreachable");
    if (known) return sendError(res, known);
    logger.error({ err: error, method: req.method, url: req.originalUrl }, "request failed");
    sendError(res, new KeelError("INTERNAL", "Something went wrong on our side. It has been logged."));
  };
}
