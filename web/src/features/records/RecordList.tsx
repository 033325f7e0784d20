// The shell the Deployments and Incidents lists share: the period in the organisation's time
// zone, the loading and failed states, the heading with the CSV download, the record opened from
// a link, the table whose rows open their details in place, and the pages.
import { Fragment, useEffect, useRef, type ReactNode } from "react";
import { describeApiError } from "../../api/describeApiError.ts";
import { ColumnHeaders } from "../../components/DataTable.tsx";
import { QueryError } from "../../components/QueryView.tsx";
import { EmptyState, LoadingState } from "../../components/StateMessage.tsx";
import { formatDateIn } from "@keel/shared/calendar";
import { CsvDownload } from "./CsvDownload.tsx";
import { Pagination } from "./Pagination.tsx";
import { exportPath } from "./recordLinks.ts";

type Noun = "deployments" | "incidents";
const SINGULAR = { deployments: "deployment", incidents: "incident" } as const;
const ROW_LABEL = { deployments: "Deployment", incidents: "Incident" } as const;

interface QueryState {
  data?: unknown;
  isError: boolean;
  error: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

/** What stands in for the list until it can be shown: a failure of the settings or the list, or a skeleton. */
export function RecordListPending({ noun, settings, list }: { noun: Noun; settings: QueryState; list: QueryState }) {
  if (settings.isError) return <QueryError title="The organisation's settings could not be loaded." query={settings} />;
  if (list.isError && !list.data) return <QueryError title={`The ${noun} could not be loaded.`} query={list} />;
  return <LoadingState label={`Loading ${noun}…`} lines={6} />;
}

interface RecordsSectionProps {
  noun: Noun;
  /** The heading before the period's dates: "Deployments to production". */
  title: string;
  note: ReactNode;
  /** The period and scope, for the CSV export. */
  scope: Parameters<typeof exportPath>[1];
  /** Filters the CSV file does not apply. */
  csvNote: string;
  /** The list's query: an older page is shown dimmed while the next loads; a failed refetch says so. */
  list: QueryState & { isPlaceholderData: boolean };
  data: { offset: number; total: number; items: readonly { id: string }[]; window: { from: string; to: string }; timeZone: string };
  view: { page: number; setPage: (page: number) => void; selected?: string | undefined };
  /** A record's details; `standalone` when opened from a link and not on this page (shown on its own above the list). */
  detail: (id: string, standalone: boolean) => ReactNode;
  /** When the page's own filters are set: the button that clears them, offered when no record matches. */
  reset: { label: string; clear: () => void } | undefined;
  /** The table. */
  children: ReactNode;
}

export function RecordsSection({ noun, title, note, scope, csvNote, list, data, view, detail, reset, children }: RecordsSectionProps) {
  const selectedOnPage = view.selected !== undefined && data.items.some((item) => item.id === view.selected);
  return (
    <section aria-labelledby={`${noun}-heading`} className={list.isPlaceholderData ? "records is-updating" : "records"} aria-busy={list.isPlaceholderData}>
      <div className="records-head">
        <div>
          <h2 id={`${noun}-heading`}>{`${title}, ${formatDateIn(data.window.from, data.timeZone)} – ${formatDateIn(data.window.to, data.timeZone)}`}</h2>
          <p className="muted records-note">{note}</p>
        </div>
        <CsvDownload noun={noun} apiPath={exportPath(noun, scope)} note={csvNote} />
      </div>
      {list.isError ? (
        <p className="state-detail" role="alert">
          These filters could not be applied: {describeApiError(list.error)}
        </p>
      ) : null}
      {view.selected && !selectedOnPage ? (
        <div className="panel selected-panel" data-testid={`selected-${SINGULAR[noun]}`}>
          {detail(view.selected, true)}
        </div>
      ) : null}
      {data.items.length === 0 ? (
        <EmptyState>
          No {noun} match these filters in this period.{" "}
          {reset ? (
            <button type="button" className="link-button" onClick={reset.clear}>
              {reset.label}
            </button>
          ) : null}
        </EmptyState>
      ) : (
        children
      )}
      <Pagination noun={noun} offset={data.offset} shown={data.items.length} total={data.total} page={view.page} onPage={view.setPage} busy={list.isFetching} />
    </section>
  );
}

/** The records table: its columns' headers (`numeric` names the right-aligned ones), then a RecordRow per record. */
export function RecordsTable({
  noun,
  caption,
  columns,
  numeric = [],
  children,
}: {
  noun: Noun;
  caption: string;
  columns: readonly string[];
  numeric?: readonly string[];
  children: ReactNode;
}) {
  return (
    <table className="records-table" data-testid={`${noun}-table`}>
      <caption className="visually-hidden">{caption}</caption>
      <ColumnHeaders columns={columns.map((header) => ({ key: header, header, numeric: numeric.includes(header) }))} />
      <tbody>{children}</tbody>
    </table>
  );
}

interface RecordRowProps {
  noun: Noun;
  id: string;
  /** The row's place on the page, for its detail's element id. */
  index: number;
  /** How many columns the detail spans. */
  columns: number;
  /** Which record is open, and how to open or close one. */
  view: { selected?: string; select: (id: string | undefined) => void };
  /** Shown after the toggle in the first cell. */
  title?: ReactNode;
  /** The details, rendered beneath the row while it is open. */
  detail: ReactNode;
  /** The other cells. */
  children: ReactNode;
}

/** A record's row: the toggle with its id opens its details in place, in a row of their own. */
export function RecordRow({ noun, id, index, columns, view, title, detail, children }: RecordRowProps) {
  const open = id === view.selected;
  const singular = SINGULAR[noun];
  const detailId = `${singular}-detail-${index}`;
  return (
    <Fragment>
      <tr className={open ? "is-open" : undefined} {...{ [`data-${singular}`]: id }}>
        <td data-label={ROW_LABEL[noun]}>
          <button
            type="button"
            className="row-toggle"
            aria-expanded={open}
            aria-controls={open ? detailId : undefined}
            onClick={() => view.select(open ? undefined : id)}
          >
            <span className="row-toggle-icon" aria-hidden="true">
              ▸
            </span>
            <code>{id}</code>
          </button>
          {title}
        </td>
        {children}
      </tr>
      {open ? (
        <tr className="detail-row">
          <td colSpan={columns} id={detailId}>
            {detail}
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
}

interface RecordDetailStateProps {
  /** "Deployment", "Incident". */
  kind: string;
  id: string;
  query: QueryState & { isPending: boolean };
}

/** What stands in for a record's details until they arrive: a skeleton, or the failure. */
export function RecordDetailPending({ kind, id, query }: RecordDetailStateProps) {
  if (query.isError) return <QueryError title={`${kind} ${id} could not be loaded.`} query={query} />;
  return <LoadingState label={`Loading ${kind.toLowerCase()} ${id}…`} lines={3} />;
}

interface RecordDetailHeadProps {
  /** "Deployment", "Incident". */
  kind: string;
  id: string;
  /** After the id. */
  title?: ReactNode;
  /** Shown on its own above the list (opened from a link), not inside its row. */
  standalone: boolean;
  /** The details shown: new ones take the focus again. */
  shown: unknown;
  onClose: () => void;
}

/** A record's details heading with its Close button; opened from a link on another page, it takes the focus so reading starts there. */
export function RecordDetailHead({ kind, id, title, standalone, shown, onClose }: RecordDetailHeadProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (standalone) headingRef.current?.focus();
  }, [standalone, shown]);
  return (
    <div className="record-detail-head">
      <h3 ref={headingRef} tabIndex={-1}>
        {standalone ? `${kind} ` : ""}
        <code>{id}</code>
        {title}
      </h3>
      <button type="button" className="button button-quiet button-small" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
