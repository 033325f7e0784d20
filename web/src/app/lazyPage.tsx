import { useEffect, useState, type ComponentType } from "react";
import { LoadingState } from "../components/StateMessage.tsx";

/**
 * A page in its own chunk, loaded when first shown. Unlike React.lazy with Suspense, showing it as
 * soon as its code has arrived: React holds a Suspense boundary's fallback for at least 300 ms
 * (to avoid flicker), which measurably delayed the Overview's first paint (web/README.md
 * "Bundle"). A failed download goes to the page's error boundary, which offers a reload.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): ComponentType {
  let loaded: ComponentType | undefined;
  let pending: Promise<ComponentType> | undefined;
  const get = () =>
    (pending ??= load().then(
      (module) => (loaded = module.default),
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));

  function LazyPage() {
    const [Page, setPage] = useState<ComponentType | undefined>(() => loaded);
    const [failure, setFailure] = useState<unknown>(null);
    useEffect(() => {
      if (Page) return;
      let current = true;
      get().then(
        (page) => {
          if (current) setPage(() => page);
        },
        (error: unknown) => {
          if (current) setFailure(error);
        },
      );
      return () => {
        current = false;
      };
    }, [Page]);
    if (failure) throw failure;
    return Page ? <Page /> : <LoadingState label="Loading page…" lines={2} />;
  }
  return LazyPage;
}
