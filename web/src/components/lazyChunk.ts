// A code chunk downloaded on first use and kept once it has arrived, for pages (lazyPage.tsx) and
// the Overview's charts. Not React.lazy with Suspense: React holds a Suspense boundary's fallback
// for at least 300 ms (to avoid flicker), which measurably delayed the Overview's first paint
// (web/README.md "Bundle").
import { useEffect, useState } from "react";

export interface LazyChunk<T> {
  /** The chunk once it has arrived. */
  loaded: () => T | undefined;
  /** Downloads it (once at a time; a failed download may be tried again). */
  load: () => Promise<T>;
}

export function lazyChunk<T>(download: () => Promise<T>): LazyChunk<T> {
  let loaded: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    loaded: () => loaded,
    load: () =>
      (pending ??= download().then(
        (chunk) => (loaded = chunk),
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      )),
  };
}

/** The chunk, or undefined while it downloads; a failed download goes to the page's error boundary. */
export function useLazyChunk<T>(chunk: LazyChunk<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(chunk.loaded);
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    if (value) return;
    let current = true;
    chunk.load().then(
      (loaded) => {
        if (current) setValue(() => loaded);
      },
      (error: unknown) => {
        if (current) setFailure(error);
      },
    );
    return () => {
      current = false;
    };
  }, [chunk, value]);
  if (failure) throw failure;
  return value;
}
