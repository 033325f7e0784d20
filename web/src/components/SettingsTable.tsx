// The frame every settings-style list shares (teams, tokens, users, subscriptions, connections,
// goals…): a horizontally scrolling wrapper, a caption for screen readers, column headers with
// scope, and a muted sentence instead of the table when there is nothing to list. The rows are the
// view's own: each says what its cells hold.
import type { ReactNode } from "react";

/** A column's header: its words, or its words with a class (e.g. "numeric"). */
export type Header = string | { key: string; label: ReactNode; className?: string };

/** The header of a column of buttons: named for screen readers only. */
export const ACTIONS_HEADER: Header = { key: "actions", label: <span className="visually-hidden">Actions</span> };

export interface SettingsTableProps<Row> {
  headers: readonly (Header | null)[];
  rows: readonly Row[];
  row: (row: Row) => ReactNode;
  /** Said instead of the table when there are no rows; without it an empty table is shown. */
  empty?: ReactNode;
  /** For screen readers; the section's heading says it for everyone else. */
  caption?: string;
  testId: string;
  /** More classes for the table. */
  className?: string;
  /** Roles written out, for a table whose rows CSS stacks on a phone (which costs a table its semantics in some browsers). */
  explicitRoles?: boolean;
}

export function SettingsTable<Row>({ headers, rows, row, empty, caption, testId, className, explicitRoles = false }: SettingsTableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <p className="muted">{empty}</p>;
  const role = (name: string) => (explicitRoles ? name : undefined);
  return (
    <div className="table-scroll">
      <table className={className ? `settings-table ${className}` : "settings-table"} data-testid={testId} role={role("table")}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead role={role("rowgroup")}>
          <tr role={role("row")}>
            {headers.map((header) =>
              header === null ? null : typeof header === "string" ? (
                <th key={header} scope="col" role={role("columnheader")}>
                  {header}
                </th>
              ) : (
                <th key={header.key} scope="col" role={role("columnheader")} className={header.className}>
                  {header.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody role={role("rowgroup")}>{rows.map(row)}</tbody>
      </table>
    </div>
  );
}
