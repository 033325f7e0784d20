import type { ComponentType } from "react";
import { LoadingState } from "../components/StateMessage.tsx";
import { lazyChunk, useLazyChunk } from "../components/lazyChunk.ts";

/**
 * A page in its own chunk, loaded when first shown, and shown as soon as its code has arrived. A
 * failed download goes to the page's error boundary, which offers a reload.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): ComponentType {
  const chunk = lazyChunk(() => load().then((module) => module.default));
  function LazyPage() {
    const Page = useLazyChunk(chunk);
    return Page ? <Page /> : <LoadingState label="Loading page…" lines={2} />;
  }
  return LazyPage;
}
