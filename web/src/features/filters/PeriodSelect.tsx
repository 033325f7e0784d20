import { PERIODS, readWeeks, type PeriodKind, type PeriodWeeks } from "./period.ts";

interface PeriodSelectProps<K extends PeriodKind> {
  kind: K;
  id: string;
  value: PeriodWeeks<K>;
  onChange: (weeks: PeriodWeeks<K>) => void;
}

/** The "Period" field of a filter bar: the kind's week counts. */
export function PeriodSelect<K extends PeriodKind>({ kind, id, value, onChange }: PeriodSelectProps<K>) {
  const period = PERIODS[kind];
  return (
    <div className="field">
      <label htmlFor={id}>Period</label>
      <select id={id} value={value} onChange={(event) => onChange(readWeeks(kind, event.target.value))}>
        {period.choices.map((weeks) => (
          <option key={weeks} value={weeks}>
            {period.option(weeks)}
          </option>
        ))}
      </select>
    </div>
  );
}
