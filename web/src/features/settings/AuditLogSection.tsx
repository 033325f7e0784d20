import { useInfiniteQuery } from "@tanstack/react-query";
import { describeApiError } from "../../api/describeApiError.ts";
import { useTRPC, useTRPCClient } from "../../api/trpc.ts";
import { ErrorState, LoadingState } from "../../components/StateMessage.tsx";
import { actorText, changesText } from "./auditText.ts";
import { formatDateTimeIn } from "@keel/shared/calendar";

const PAGE_SIZE = 50;

/**
 * Who did what, newest first (admins only), a page at a time: "Show older" asks for the entries
 * before the last one shown (audit.list `before`). Refetching refetches every page shown, each after
 * the one before it, so a new entry at the top never leaves a gap.
 */
export function AuditLogSection({ timeZone }: { timeZone: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const log = useInfiniteQuery({
    // Under audit.list's key, so invalidating trpc.audit refreshes it.
    queryKey: [...trpc.audit.list.pathKey(), { type: "infinite", input: { limit: PAGE_SIZE } }],
    queryFn: ({ pageParam }) => client.audit.list.query({ limit: PAGE_SIZE, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => (page.entries.length < PAGE_SIZE ? undefined : Number(page.entries.at(-1)?.id)),
  });

  // Entries already shown stay when a refresh or the next page fails: that failure is said below them.
  if (log.isPending) return <LoadingState label="Loading the audit log…" lines={3} />;
  if (log.data === undefined)
    return (
      <ErrorState
        title="The audit log could not be loaded."
        detail={describeApiError(log.error)}
        onRetry={() => void log.refetch()}
        retrying={log.isFetching}
      />
    );
  const entries = log.data.pages.flatMap((page) => page.entries);

  return (
    <>
      <div className="form-actions audit-actions">
        <button type="button" className="button button-quiet button-small" onClick={() => void log.refetch()} disabled={log.isFetching}>
          {log.isRefetching && !log.isFetchingNextPage ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      {entries.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="settings-table audit-table" data-testid="audit-table">
            <caption className="visually-hidden">Audit log, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Changes</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => {
                const changes = changesText(entry.changes, entry.target);
                return (
                  <tr key={entry.id} data-audit-id={entry.id} data-action={entry.action}>
                    <td className="nowrap">{formatDateTimeIn(entry.at, timeZone)}</td>
                    <td>{actorText(entry.actor)}</td>
                    <td>
                      <code>{entry.action}</code>
                    </td>
                    <td>{entry.target}</td>
                    <td className="audit-changes">{changes || <span className="muted">—</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="form-actions" aria-live="polite">
        {log.hasNextPage ? (
          <button type="button" className="button button-quiet" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {log.isFetchingNextPage ? "Loading older entries…" : "Show older"}
          </button>
        ) : entries.length > 0 ? (
          <p className="muted">That is everything: {entries.length} entries.</p>
        ) : null}
        {log.isFetchNextPageError || log.isRefetchError ? (
          <p className="field-error" role="alert">
            {log.isFetchNextPageError ? "The older entries could not be loaded" : "Not refreshed"}: {describeApiError(log.error)}
          </p>
        ) : null}
      </div>
    </>
  );
}
