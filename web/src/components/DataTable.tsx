// The markup every figure table shares: a horizontally scrolling wrapper, an optional caption,
// column headers with scope, the row's name as a row header, figures right-aligned, and an
// optional total row. Cells are rendered by the columns, so a view only says what each column shows.
import type { Key, ReactNode } from "react";

export interface Column<Row> {
  /** React key; unique among the table's columns. */
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** Figures: header and cells get the `numeric` class (right-aligned). */
  numeric?: boolean;
  /** The row's name: a `th scope="row"` rather than a data cell. */
  rowHeader?: boolean;
  /** More classes for the body cells, e.g. "nowrap". */
  className?: string;
  /** A test id for each body cell. */
  testId?: (row: Row) => string | undefined;
  /** This column's cell in the total row; the table has a total row when any column has one. */
  footer?: ReactNode;
  footerTestId?: string;
}

interface DataTableProps<Row> {
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  rowClassName?: (row: Row) => string | undefined;
  caption?: ReactNode;
  /** The caption is for screen readers only (the section's heading says it for everyone else). */
  captionHidden?: boolean;
  className?: string;
  /** Wrapped in `.table-scroll` (the default), so a wide table scrolls on a phone instead of the page. */
  scroll?: boolean;
}

export function DataTable<Row>({ columns, rows, rowKey, rowClassName, caption, captionHidden = false, className, scroll = true }: DataTableProps<Row>) {
  const hasFooter = columns.some((column) => column.footer !== undefined);
  const table = (
    <table className={className}>
      {caption !== undefined ? <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption> : null}
      <ColumnHeaders columns={columns} />
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} className={rowClassName?.(row)}>
            {columns.map((column) => (
              <Cell key={column.key} column={column} testId={column.testId?.(row)}>
                {column.cell(row, index)}
              </Cell>
            ))}
          </tr>
        ))}
      </tbody>
      {hasFooter ? (
        <tfoot>
          <tr>
            {columns.map((column) => (
              <Cell key={column.key} column={column} testId={column.footerTestId}>
                {column.footer}
              </Cell>
            ))}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
  return scroll ? <div className="table-scroll">{table}</div> : table;
}

/** The header row: a `th scope="col"` per column, figures' headers right-aligned like their cells. */
export function ColumnHeaders({ columns }: { columns: readonly Pick<Column<never>, "key" | "header" | "numeric">[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.key} scope="col" className={column.numeric ? "numeric" : undefined}>
            {column.header}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function Cell<Row>({ column, testId, children }: { column: Column<Row>; testId: string | undefined; children: ReactNode }) {
  if (column.rowHeader) return <th scope="row">{children}</th>;
  const className = [column.numeric ? "numeric" : "", column.className ?? ""].filter(Boolean).join(" ") || undefined;
  return (
    <td className={className} data-testid={testId}>
      {children}
    </td>
  );
}
