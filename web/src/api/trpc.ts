// The web app's only link to the server. `AppRouter` is imported as a type: no server code
// reaches the bundle.
import type { AppRouter } from "@keel/server/src/trpc/router.ts";
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, isTRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** The query of who is signed in (GET /auth/me, features/auth/session.ts). */
export const SESSION_KEY = ["auth", "me"] as const;

export function makeTrpcClient() {
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/trpc" })] });
}

export function makeQueryClient() {
  // A 401 from any procedure means the session ended (expired, signed out elsewhere, user
  // disabled): asking /auth/me again makes the sign-in page appear. One request however many
  // procedures failed at once (a fetch already under way is reused).
  const onError = (error: unknown) => {
    if (statusOf(error) === 401) void queryClient.invalidateQueries({ queryKey: SESSION_KEY }, { cancelRefetch: false });
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
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
  return queryClient;
}

/** The HTTP status of a failed tRPC call; undefined when it never reached Keel or is no tRPC error. */
function statusOf(error: unknown): number | undefined {
  return isTRPCClientError<AppRouter>(error) ? error.data?.httpStatus : undefined;
}

function isRejected(error: unknown): boolean {
  const status = statusOf(error);
  return status !== undefined && status >= 400 && status < 500;
}
