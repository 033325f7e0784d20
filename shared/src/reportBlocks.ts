// The weekly report as a neutral document: headings, paragraphs, tables and business summaries,
// built once by the server (server/src/reports/reportDocument.ts) and rendered to Markdown, HTML,
// e-mail, Slack and the web app's page, so none of them can say something the others do not.
// Texts are plain: each renderer escapes them for its format. The schemas are the `document` of
// the report's answer (outputs/weeklyReport.ts); the browser imports only the types inferred here.
import { z } from "zod";

export const ReportTableRow = z.strictObject({
  cells: z.array(z.string()),
  /** A total row: bold in every format. */
  strong: z.boolean().optional(),
  /** Names of cells a reader points to (the web app's test ids), by column; the text formats ignore them. */
  ids: z.array(z.string().nullable()).optional(),
});
export type ReportTableRow = z.infer<typeof ReportTableRow>;

/** A business sentence with "how this was computed": the formula lines, each input as "name: value unit", the cost model. */
const ReportSummaryItem = z.strictObject({
  text: z.string(),
  formula: z.array(z.string()),
  inputs: z.array(z.string()),
  costModel: z.string(),
});

export const ReportBlock = z.discriminatedUnion("kind", [
  /** `id` names a level-2 heading's section ("dora", "incidents"): the app's anchor for it. */
  z.strictObject({ kind: z.literal("heading"), level: z.union([z.literal(1), z.literal(2)]), text: z.string(), id: z.string().optional() }),
  z.strictObject({ kind: z.literal("paragraph"), text: z.string() }),
  z.strictObject({ kind: z.literal("table"), head: z.array(z.string()), numeric: z.array(z.boolean()), rows: z.array(ReportTableRow) }),
  z.strictObject({ kind: z.literal("summaries"), items: z.array(ReportSummaryItem) }),
]);
export type ReportBlock = z.infer<typeof ReportBlock>;
