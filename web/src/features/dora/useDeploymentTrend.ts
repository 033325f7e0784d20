import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { trendQueryInput, type TrendFilters } from "./trendFilters.ts";

/** Successful deployments per week for the filters' window. */
export function useDeploymentTrend(filters: TrendFilters) {
  const trpc = useTRPC();
  return useQuery(trpc.deployments.trend.queryOptions(trendQueryInput(filters, new Date())));
}
