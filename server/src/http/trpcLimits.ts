// Bounds on what one /trpc request may ask for. tRPC's adapter buffers any body and runs any
// batch: six parallel 450 MB bodies took the process from 2.2 GB to 5.8 GB, and one 9 KB GET
// batching 100 dashboard summaries kept the server busy for 9 s. The web app's largest input is a
// few kB and its largest batch a page's worth of queries, so both caps are far above real use.
import type { RequestHandler } from "express";
import { KeelError } from "../errors.ts";

export const TRPC_MAX_BODY_BYTES = 256 * 1024;
export const TRPC_MAX_BATCH_CALLS = 20;

/** Refuses (413) a declared body or a batch over the caps before tRPC reads or runs anything. */
export function trpcLimits(): RequestHandler {
  return (req, _res, next) => {
    const declared = Number(req.get("content-length") ?? "0");
    if (declared > TRPC_MAX_BODY_BYTES) {
      return next(new KeelError("PAYLOAD_TOO_LARGE", `A /trpc request body may be up to ${TRPC_MAX_BODY_BYTES / 1024} kB.`));
    }
    // A batch names its procedures in the path: /trpc/a,b,c?batch=1.
    const calls = req.path.split(",").length;
    if (calls > TRPC_MAX_BATCH_CALLS) {
      return next(new KeelError("PAYLOAD_TOO_LARGE", `A /trpc batch may hold up to ${TRPC_MAX_BATCH_CALLS} calls; this one has ${calls}.`));
    }
    next();
  };
}
