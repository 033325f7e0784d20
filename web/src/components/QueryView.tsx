// The loading, failed and ready states of one query, so every view shows them the same way.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { describeApiError } from "../api/describeApiError.ts";
import { ErrorState, LoadingState } from "./StateMessage.tsx";

/** What a failed query offers: its error, and a refetch for "Try again". */
interface FailedQuery {
  error: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

/** A query's failure as the server or browser said it, with a "Try again" that refetches. */
export function QueryError({ title, query }: { title: string; query: FailedQuery }) {
  return <ErrorState title={title} detail={describeApiError(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
}

interface QueryViewProps<T, E> {
  query: UseQueryResult<T, E>;
  /** Read by screen readers while loading: "Loading hours lost…". */
  loadingLabel: string;
  /** The skeleton's shape. */
  lines?: number;
  chart?: boolean;
  errorTitle: string;
  children: (data: T) => ReactNode;
}

export function QueryView<T, E>({ query, loadingLabel, lines = 1, chart = false, errorTitle, children }: QueryViewProps<T, E>) {
  if (query.isPending) return <LoadingState label={loadingLabel} lines={lines} chart={chart} />;
  if (query.isError) return <QueryError title={errorTitle} query={query} />;
  return <>{children(query.data)}</>;
}
