// The weekly report as a neutral document: headings, paragraphs, tables and business summaries,
// built once by the server (server/src/reports/reportDocument.ts) and rendered to Markdown, HTML,
// e-mail, Slack and the web app's page, so none of them can say something the others do not.
// Texts are plain: each renderer escapes them for its format. Types only, for the browser too.

export interface ReportTableRow {
  cells: string[];
  /** A total row: bold in every format. */
  strong?: boolean;
  /** Names of cells a reader points to (the web app's test ids), by column; the text formats ignore them. */
  ids?: (string | null)[];
}

export type ReportBlock =
  /** `id` names a level-2 heading's section ("dora", "incidents"): the app's anchor for it. */
  | { kind: "heading"; level: 1 | 2; text: string; id?: string }
  | { kind: "paragraph"; text: string }
  | { kind: "table"; head: string[]; rows: ReportTableRow[]; numeric: boolean[] }
  | { kind: "summaries"; items: ReportSummaryItem[] };

/** A business sentence with "how this was computed": the formula lines, each input as "name: value unit", the cost model. */
export interface ReportSummaryItem {
  text: string;
  formula: string[];
  inputs: string[];
  costModel: string;
}
