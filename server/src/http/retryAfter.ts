// Every 503 says when to try again, whoever wrote it: the REST error handler, tRPC's adapter (which
// writes its own responses) or /readyz. Webhook senders and the CLI retry on it.
import type { RequestHandler } from "express";
import { RETRY_AFTER_SECONDS } from "../errors.ts";

export function retryAfterOn503(): RequestHandler {
  return (_req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      const status = typeof args[0] === "number" ? args[0] : res.statusCode;
      if (status === 503 && !res.hasHeader("retry-after")) res.setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  };
}
