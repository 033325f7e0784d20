// A chart's numbers as a table behind a "Show the numbers" disclosure, a row a week named by its
// Monday: for screen readers, keyboard users and copying (the DORA trends, hours lost).
import type { ReactNode } from "react";
import { dateLabel } from "@keel/shared/calendar";
import { DataTable, type Column } from "./DataTable.tsx";

interface NumbersByWeekProps<Week extends { bucketStart: string }> {
  /** The disclosure's words: "Show the weekly numbers". */
  summary: ReactNode;
  /** For screen readers: what the table holds. */
  caption: string;
  weeks: readonly Week[];
  /** Said after the week's date, e.g. " (so far)" for the week still running. */
  weekNote?: (week: Week) => string;
  /** The columns after "Week of". */
  columns: readonly Column<Week>[];
}

export function NumbersByWeek<Week extends { bucketStart: string }>({ summary, caption, weeks, weekNote, columns }: NumbersByWeekProps<Week>) {
  const weekOf: Column<Week> = { key: "week", header: "Week of", rowHeader: true, cell: (w) => dateLabel(w.bucketStart) + (weekNote?.(w) ?? "") };
  return (
    <details className="data-table">
      <summary>{summary}</summary>
      <DataTable caption={caption} captionHidden rows={weeks} rowKey={(w) => w.bucketStart} columns={[weekOf, ...columns]} />
    </details>
  );
}
