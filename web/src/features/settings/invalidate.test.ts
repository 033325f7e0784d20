import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { AppRouter } from "@keel/server/src/trpc/router.ts";
import { expect, test } from "vitest";
import { invalidateCostModelQueries } from "./invalidate.ts";

test("a cost model edit marks stale the queries that use it, and only those", async () => {
  const queryClient = new QueryClient();
  // Never called: the proxy only computes query keys here.
  const trpc = createTRPCOptionsProxy<AppRouter>({
    client: createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "http://127.0.0.1:9/trpc" })] }),
    queryClient,
  });
  const range = { from: "2026-01-05", to: "2026-01-12" };
  const keys = {
    hoursLost: trpc.costs.hoursLost.queryKey(range),
    summaries: trpc.costs.summaries.queryKey(range),
    flakyList: trpc.flaky.list.queryKey({ filters: range, limit: 50 }),
    weekly: trpc.reports.weekly.queryKey({ week: "2026-W02" }),
    investment: trpc.investment.balance.queryKey(range),
    costModel: trpc.costModel.get.queryKey(),
    orgHistory: trpc.costModel.history.queryKey({}),
    teamHistory: trpc.costModel.history.queryKey({ team: "payments" }),
    dora: trpc.dora.summary.queryKey(range),
    settings: trpc.settings.get.queryKey(),
    catalog: trpc.catalog.list.queryKey(),
  };
  // Any data will do: only the keys matter. (Through the QueryCache, as setQueryData types each key's data.)
  for (const key of Object.values(keys)) queryClient.getQueryCache().build(queryClient, { queryKey: key }).setData({});

  await invalidateCostModelQueries(queryClient, trpc);

  const stale = Object.entries(keys)
    .filter(([, key]) => queryClient.getQueryState(key)?.isInvalidated)
    .map(([name]) => name);
  expect(stale).toEqual(["hoursLost", "summaries", "flakyList", "weekly", "investment", "costModel", "orgHistory", "teamHistory"]);
});
