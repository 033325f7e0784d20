import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { readCostFilters, writeCostFilters, type CostFilters } from "./costFilters.ts";

/** The cost views' filters, read from and written to the URL's search params. */
export function useCostFilters(): { filters: CostFilters; setFilters: (next: CostFilters) => void } {
  const [params, setParams] = useSearchParams();
  const setFilters = useCallback((next: CostFilters) => setParams((current) => writeCostFilters(current, next)), [setParams]);
  return { filters: readCostFilters(params), setFilters };
}
