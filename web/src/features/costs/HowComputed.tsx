// "How this was computed": the formula, every input with its value, and the cost model version
// behind a business sentence, as the API gives them.
import { formatDecimal } from "../../format/costFigures.ts";
import type { SummaryData } from "./apiTypes.ts";

type HowComputedData = SummaryData["howComputed"];

/** An input's value as written: whole numbers as they are, fractions with up to four decimals. */
export function inputValueText(value: number | string | null, unit: string): string {
  if (value === null) return "unknown";
  if (typeof value === "string") return value;
  if (unit === "fraction") return `${formatDecimal(value, 2)} (${formatDecimal(value * 100, 1)}%)`;
  const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 10_000) / 10_000);
  return unit ? `${text} ${unit}` : text;
}

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
        <table className="inputs-table">
          <caption>Inputs</caption>
          <thead>
            <tr>
              <th scope="col">Input</th>
              <th scope="col" className="numeric">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {how.inputs.map((input) => (
              <tr key={input.name}>
                <th scope="row">{input.name}</th>
                <td className="numeric">{inputValueText(input.value, input.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="how-computed-model">
          Cost model: <strong>{how.costModel}</strong>
        </p>
      </div>
    </details>
  );
}
