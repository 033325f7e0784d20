// Large writes in pieces whose size follows how long each takes. On the embedded database every
// statement runs on the main thread: a statement over hundreds of thousands of rows froze /healthz,
// webhooks and the API for minutes (issue 13). Pieces aim at TARGET_MS each (shrinking on a busy
// machine, growing on an idle one or on PostgreSQL, where fewer statements are faster), and between
// two pieces the event loop answers whatever is waiting.

export const TARGET_MS = 100;
const FIRST = 1_000;
const MIN = 100;
const MAX = 20_000;

/** A turn of the event loop for other requests (setImmediate runs after pending I/O). */
export const letOthersIn = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function inPieces<T>(items: readonly T[], work: (piece: T[]) => Promise<void>): Promise<number> {
  let size = FIRST;
  let pieces = 0;
  for (let start = 0; start < items.length; pieces++) {
    const piece = items.slice(start, start + size);
    const started = performance.now();
    await work(piece);
    start += piece.length;
    const ms = performance.now() - started;
    if (ms < TARGET_MS / 2) size = Math.min(MAX, size * 2);
    else if (ms > TARGET_MS * 2) size = Math.max(MIN, Math.ceil(size / 2));
    await letOthersIn();
  }
  return pieces;
}
