import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { readScope, writeScope, type ScopeFilters } from "../filters/urlFilters.ts";

/** Period, team, service and environment, read from and written to the URL. Changing them goes back to page 1. */
export function useScopeFilters(): { filters: ScopeFilters; setFilters: (next: ScopeFilters) => void; params: URLSearchParams } {
  const [params, setParams] = useSearchParams();
  const setFilters = useCallback(
    (next: ScopeFilters) =>
      setParams((current) => {
        const written = writeScope(current, next);
        written.delete("page");
        return written;
      }),
    [setParams],
  );
  return { filters: readScope(params), setFilters, params };
}
