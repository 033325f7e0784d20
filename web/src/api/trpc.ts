// The web app's only link to the server. `AppRouter` is imported as a type: no server code
// reaches the bundle.
import type { AppRouter } from "@keel/server/src/trpc/router.ts";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, isTRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/trpc" })] });
}

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Metrics move with new events, not by the second: a minute is fresh enough and
        // keeps page switches instant.
        staleTime: 60_000,
        // One retry rides out a blip; more would keep a broken page spinning. A request the
        // server rejected (4xx) fails the same way again, so it is not retried.
        retry: (failures, error) => failures < 1 && !isRejected(error),
      },
    },
  });
}

function isRejected(error: unknown): boolean {
  if (!isTRPCClientError<AppRouter>(error)) return false;
  const status = error.data?.httpStatus;
  return status !== undefined && status >= 400 && status < 500;
}
