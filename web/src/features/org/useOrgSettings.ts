import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";

/** How long organisation settings and the catalog stay fresh: they change only in Settings, which refreshes them. */
export const ORG_STALE_MS = 10 * 60_000;

/** The organisation's settings (time zone, DORA report year, attribution window, debt target). */
export function useOrgSettings() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.settings.get.queryOptions(), staleTime: ORG_STALE_MS });
}

/** Teams, services with their team, environments and incident severities, for filters and settings. */
export function useCatalog() {
  const trpc = useTRPC();
  return useQuery({ ...trpc.catalog.list.queryOptions(), staleTime: ORG_STALE_MS });
}
