// Waiting for a slow client to take more of a streamed answer. The listeners come off once either
// event fires: before, each wait left a `close` listener behind (MaxListenersExceededWarning on a
// 486 kB CSV export).
import type { Writable } from "node:stream";

/** Resolves when `out` can take more, or is gone (closed, destroyed): the caller checks which. */
export function drained(out: Writable): Promise<void> {
  if (out.destroyed || out.writableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.on("drain", done);
    out.on("close", done);
  });
}
