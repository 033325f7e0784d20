import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "../../api/trpc.ts";
import { periodWindow, scopeInput, type ScopeFilters } from "../filters/urlFilters.ts";

/**
 * The DORA report for the filters' period, from Monday `weeks` weeks back (in the organisation's
 * time zone) to now. "Now" is fixed when the page opens, so the question stays the same while the
 * page is shown. While new filters load, the previous answer stays on screen (isPlaceholderData).
 */
export function useDoraReport(filters: ScopeFilters, timeZone: string | undefined) {
  const trpc = useTRPC();
  const [openedAt] = useState(() => new Date());
  const input = timeZone ? scopeInput(filters, periodWindow(filters.weeks, openedAt, timeZone)) : undefined;
  return useQuery({
    ...trpc.dora.summary.queryOptions(input ?? { from: "", to: "" }),
    enabled: input !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** The pull-request phases (dora.pullRequests) over exactly the window the DORA report answered for. */
export function useDoraPullRequests(filters: ScopeFilters, window: { from: string; to: string }) {
  const trpc = useTRPC();
  return useQuery({ ...trpc.dora.pullRequests.queryOptions(scopeInput(filters, window)), placeholderData: keepPreviousData });
}
