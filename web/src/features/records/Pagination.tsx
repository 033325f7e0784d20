import { formatCount } from "@keel/shared/numbers";
import { pageSpan } from "./recordFilters.ts";

interface PaginationProps {
  /** What is counted: "deployments". */
  noun: string;
  offset: number;
  shown: number;
  total: number;
  page: number;
  onPage: (page: number) => void;
  busy: boolean;
}

/** "26–50 of 1,148 deployments", with the previous and next pages. */
export function Pagination({ noun, offset, shown, total, page, onPage, busy }: PaginationProps) {
  const { first, last, pages } = pageSpan(offset, shown, total);
  return (
    <nav className="pagination" aria-label={`Pages of ${noun}`}>
      <p className="pagination-status" aria-live="polite">
        {total === 0 ? `No ${noun}` : `${formatCount(first)}–${formatCount(last)} of ${formatCount(total)} ${noun}`}
        {pages > 1 ? (
          <span className="muted">
            {" "}
            · page {formatCount(page)} of {formatCount(pages)}
          </span>
        ) : null}
      </p>
      {pages > 1 ? (
        <div className="pagination-buttons">
          <button type="button" className="button button-quiet" onClick={() => onPage(page - 1)} disabled={page <= 1 || busy}>
            ← Previous
          </button>
          <button type="button" className="button button-quiet" onClick={() => onPage(page + 1)} disabled={page >= pages || busy}>
            Next →
          </button>
        </div>
      ) : null}
    </nav>
  );
}
