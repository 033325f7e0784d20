// The query a records page (Deployments, Incidents) lists from: its period in the organisation's
// time zone, then the list's page for the view's filters. An older page stays shown while the
// next one loads.
import { keepPreviousData, useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useState } from "react";
import { periodWindow, type ScopeFilters } from "../filters/urlFilters.ts";
import { useOrgSettings } from "../org/useOrgSettings.ts";

type Window = { from: string; to: string };

/** The period a list shows: `weeks` up to the moment the page was opened, in the organisation's time zone. */
function useListPeriod(weeks: number) {
  const settings = useOrgSettings();
  const [openedAt] = useState(() => new Date());
  const timeZone = settings.data?.timeZone;
  const window = timeZone ? periodWindow(weeks, openedAt, timeZone) : undefined;
  return { settings, openedAt, timeZone, window };
}

/**
 * The period and the list's query: `inputOf` makes the procedure's input once the window is known;
 * `queryOptions` is the procedure's (given undefined until then: the query waits).
 */
export function useRecordList<F extends ScopeFilters, I, TData, TError, TKey extends QueryKey>(
  view: { filters: F; page: number },
  inputOf: (filters: F, window: Window, page: number) => I,
  queryOptions: (input: I | undefined) => UseQueryOptions<TData, TError, TData, TKey>,
) {
  const period = useListPeriod(view.filters.weeks);
  const input = period.window ? inputOf(view.filters, period.window, view.page) : undefined;
  const list = useQuery({ ...queryOptions(input), enabled: input !== undefined, placeholderData: keepPreviousData });
  return { ...period, list };
}
