import { usePrefetchQuery } from "@tanstack/react-query";
import { useTRPC } from "../../api/trpc.ts";
import { ORG_STALE_MS } from "./useOrgSettings.ts";

/**
 * Starts loading the settings and the catalog as soon as the app starts, while the page's own code
 * is still downloading: every page needs the time zone to know its window, so the page's data
 * request need not wait for a second round trip.
 */
export function usePrefetchOrg(): void {
  const trpc = useTRPC();
  usePrefetchQuery({ ...trpc.settings.get.queryOptions(), staleTime: ORG_STALE_MS });
  usePrefetchQuery({ ...trpc.catalog.list.queryOptions(), staleTime: ORG_STALE_MS });
}
