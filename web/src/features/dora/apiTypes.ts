// The DORA procedure's answer as the web app receives it, derived from `type AppRouter` only (as
// features/costs/apiTypes.ts): no server file is imported, and a change of shape fails the typecheck.
import type { AppRouter } from "@keel/server/src/trpc/router.ts";
import type { inferOutput, TRPCOptionsProxy } from "@trpc/tanstack-react-query";

export type DoraMetrics = inferOutput<TRPCOptionsProxy<AppRouter>["dora"]["summary"]>;
export type DoraPullRequests = inferOutput<TRPCOptionsProxy<AppRouter>["dora"]["pullRequests"]>;
