import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { useTRPC } from "../../api/trpc.ts";

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

/**
 * After a cost model edit: the queries whose figures use its inputs, and no others (a DORA metric
 * or a list of deployments does not). Whole routers, so a procedure added to one is covered:
 * costs (hours lost, summaries), flaky (the ranking and its history), reports (weekly report and
 * its Markdown), investment (its hours-lost trend uses the model's hours inputs) and costModel
 * (the model and its history).
 */
export function invalidateCostModelQueries(queryClient: QueryClient, trpc: ReturnType<typeof useTRPC>): Promise<void> {
  const keys = [trpc.costs.pathKey(), trpc.flaky.pathKey(), trpc.reports.pathKey(), trpc.investment.pathKey(), trpc.costModel.pathKey()];
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(() => undefined);
}

/**
 * Mutation options for a confirmation dialog that removes a record: once the server has done it,
 * the router's queries are refreshed first, so the list no longer shows the record when the dialog
 * closes and says so.
 */
export function refreshThenClose(queryClient: QueryClient, queryKey: QueryKey, onClose: (done: boolean) => void) {
  return {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey });
      onClose(true);
    },
  };
}
