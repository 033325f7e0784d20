// One block of the server's report document as HTML (React escapes every text; nothing is
// injected as HTML): a paragraph, a table, or business sentences with how each was computed.
import type { ReportBlock, ReportTableRow } from "@keel/shared/reportBlocks";
import { DataTable, type Column } from "../../components/DataTable.tsx";

type Table = Extract<ReportBlock, { kind: "table" }>;
type Summaries = Extract<ReportBlock, { kind: "summaries" }>;

function ReportTable({ block }: { block: Table }) {
  const columns: Column<ReportTableRow>[] = block.head.map((header, i) => ({
    key: String(i),
    header,
    numeric: block.numeric[i] ?? false,
    rowHeader: i === 0 && !block.numeric[0],
    cell: (row) => (row.strong ? <strong>{row.cells[i]}</strong> : row.cells[i]),
    testId: (row) => row.ids?.[i] ?? undefined,
  }));
  return <DataTable rows={block.rows} rowKey={(_, i) => i} columns={columns} />;
}

function ReportSummaries({ block }: { block: Summaries }) {
  return (
    <ul className="summary-list">
      {block.items.map((item, i) => (
        <li key={i} className="summary-item">
          <p className="summary-text">{item.text}</p>
          <details className="how-computed">
            <summary>How this was computed</summary>
            <div className="how-computed-body">
              <ul>
                {item.formula.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p>Inputs: {item.inputs.join("; ")}.</p>
              <p className="how-computed-model">
                Cost model: <strong>{item.costModel}</strong>
              </p>
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}

export function ReportBlockView({ block }: { block: ReportBlock }) {
  switch (block.kind) {
    case "heading":
      return <h3>{block.text}</h3>;
    case "paragraph":
      return <p className="table-note">{block.text}</p>;
    case "table":
      return <ReportTable block={block} />;
    case "summaries":
      return <ReportSummaries block={block} />;
  }
}
