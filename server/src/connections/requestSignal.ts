// One signal per request, tied to the sync's only while the request runs. Node's fetch leaves its
// abort listener on the signal it is given until garbage collection, so thousands of requests on a
// sync's one signal piled up (MaxListenersExceededWarning in bench:backfill).

/** Runs `work` with a signal that aborts when the sync's does; the link is dropped when it ends. */
export async function withRequestSignal<T>(sync: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  sync.throwIfAborted();
  const request = new AbortController();
  const abort = () => request.abort(sync.reason);
  sync.addEventListener("abort", abort, { once: true });
  try {
    return await work(request.signal);
  } finally {
    sync.removeEventListener("abort", abort);
  }
}
