import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { readTrendFilters, writeTrendFilters, type TrendFilters } from "./trendFilters.ts";

/** The Overview's filters, read from and written to the URL's search params. */
export function useTrendFilters(): { filters: TrendFilters; setFilters: (next: TrendFilters) => void } {
  const [params, setParams] = useSearchParams();
  const setFilters = useCallback((next: TrendFilters) => setParams((current) => writeTrendFilters(current, next)), [setParams]);
  return { filters: readTrendFilters(params), setFilters };
}
