// The loading, failed and ready states of one query, so every panel shows them the same way.
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { ErrorState, LoadingState } from "../../components/StateMessage.tsx";

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
  if (query.isError) {
    return <ErrorState title={errorTitle} detail={describeApiError(query.error)} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  }
  return <>{children(query.data)}</>;
}
