import type { QueryClient } from "@tanstack/react-query";

/**
 * Marks stale every query except those under the given routers (tRPC keys start with the
 * procedure's path, ["settings", "get"]). A setting such as the time zone or a team's services
 * changes every metric, so everything that shows one is refreshed; tokens and the like are not.
 */
export function invalidateAllBut(queryClient: QueryClient, keep: readonly string[]): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const path = query.queryKey[0];
      return !(Array.isArray(path) && typeof path[0] === "string" && keep.includes(path[0]));
    },
  });
}
