// A request refused before its body was read to the end (on its headers, or part way through a
// malformed or oversized upload) is still answered whole, and its connection stays usable: the rest
// of the body is read and discarded. Otherwise Node stops reading a body whose pipe broke, the
// client is still sending, and it sees the connection reset ("other side closed", ECONNRESET on
// the next kept-alive request) instead of the answer. Past MAX_DRAIN_BYTES the rest is not worth
// reading: the answer says Connection: close, and the socket is closed once it has been sent.
import type { Request, RequestHandler, Response } from "express";

export const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

function drain(req: Request, res: Response): void {
  req.unpipe();
  const declared = Number(req.get("content-length") ?? NaN);
  let drained = 0;
  const stop = () => {
    res.once("finish", () => req.socket.destroySoon?.() ?? req.socket.end());
  };
  if (Number.isFinite(declared) && declared > MAX_DRAIN_BYTES) {
    res.setHeader("Connection", "close");
    stop();
  }
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN_BYTES) {
      req.pause();
      if (res.writableFinished) req.socket.destroy();
      else stop();
    }
  });
  req.resume();
}

export function drainRefusedBodies(): RequestHandler {
  return (req, res, next) => {
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: Parameters<typeof writeHead>) {
      if (!req.complete && !req.readableEnded && !req.destroyed) drain(req, res);
      return writeHead.apply(this, args);
    } as typeof writeHead;
    next();
  };
}
