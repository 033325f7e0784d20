// "How this was computed": the formula, every input with its value, and the cost model version
// behind a business sentence, as the API gives them.
import { DataTable, type Column } from "../../components/DataTable.tsx";
import { formatDecimal, formatPercent } from "@keel/shared/numbers";
import type { SummaryData } from "./apiTypes.ts";

type HowComputedData = SummaryData["howComputed"];

/** An input's value as written: whole numbers as they are, fractions with up to four decimals. */
export function inputValueText(value: number | string | null, unit: string): string {
  if (value === null) return "unknown";
  if (typeof value === "string") return value;
  if (unit === "fraction") return `${formatDecimal(value, 2)} (${formatPercent(value)})`;
  const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 10_000) / 10_000);
  return unit ? `${text} ${unit}` : text;
}

/** A cost model input and its value as written: the columns of every inputs table. */
export const INPUT_COLUMNS: readonly Column<{ name: string; value: string }>[] = [
  { key: "input", header: "Input", rowHeader: true, cell: (input) => input.name },
  { key: "value", header: "Value", numeric: true, cell: (input) => input.value },
];

export function HowComputed({ how, id }: { how: HowComputedData; id: string }) {
  return (
    <details className="how-computed">
      <summary>How this was computed</summary>
      <div className="how-computed-body">
        <h4 id={`${id}-formula`}>Formula</h4>
        <ul aria-labelledby={`${id}-formula`}>
          {how.formula.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <DataTable
          caption="Inputs"
          className="inputs-table"
          scroll={false}
          rows={how.inputs.map((input) => ({ name: input.name, value: inputValueText(input.value, input.unit) }))}
          rowKey={(input) => input.name}
          columns={INPUT_COLUMNS}
        />
        <p className="how-computed-model">
          Cost model: <strong>{how.costModel}</strong>
        </p>
      </div>
    </details>
  );
}
