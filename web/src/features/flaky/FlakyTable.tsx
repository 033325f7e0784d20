// The flaky-test ranking as a table a reader can sort by any column with the keyboard (each
// header is a button; aria-sort says which column leads). Choosing a test opens its details.
import { formatCount, formatHours, formatUsdCents } from "@keel/shared/numbers";
import type { FlakyTestData } from "../costs/apiTypes.ts";
import { nextSort, sortFlakyTests, type FlakySort, type SortKey } from "./flakySort.ts";
import { paybackText } from "./payback.ts";
import { STATE_TEXT } from "./flakyStates.ts";
import { testShortName, testWhere } from "./testName.ts";
import { localDate, formatDateIn, formatShortDateIn } from "@keel/shared/calendar";

interface FlakyTableProps {
  tests: FlakyTestData[];
  timeZone: string;
  sort: FlakySort;
  onSort: (sort: FlakySort) => void;
  selectedId: number | null;
  onSelect: (id: number) => void;
  /** Cost avoided since the fix, by test id, for fixed tests (from the hours-lost answer). */
  avoided?: Map<number, AvoidedByFix> | undefined;
}

export interface AvoidedByFix {
  hours: number;
  costUsd: number;
}

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: "name", label: "Test", numeric: false },
  { key: "hoursLost", label: "Hours lost", numeric: true },
  { key: "costUsd", label: "Cost", numeric: true },
  { key: "flakyFailures", label: "Flaky failures", numeric: true },
  { key: "blockingFailures", label: "Blocking", numeric: true },
  { key: "state", label: "State", numeric: false },
  { key: "firstSeen", label: "First seen", numeric: false },
  { key: "lastSeen", label: "Last seen", numeric: false },
  { key: "paybackWeeks", label: "Payback", numeric: true },
];

export function flakyRowButtonId(testId: number): string {
  return `flaky-test-${testId}`;
}

export function FlakyTable({ tests, timeZone, sort, onSort, selectedId, onSelect, avoided }: FlakyTableProps) {
  const sorted = sortFlakyTests(tests, sort);
  // Dates in the current year leave the year out (the full date is in the cell's title).
  const year = Number(localDate(new Date(), timeZone).slice(0, 4));
  const date = (iso: string) => (
    <time dateTime={iso} title={formatDateIn(iso, timeZone)}>
      {formatShortDateIn(iso, timeZone, year)}
    </time>
  );
  return (
    <div className="table-scroll flaky-table-scroll">
      <table className="flaky-table">
        <caption className="visually-hidden">Flaky tests; column headers sort the table</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const active = sort.key === c.key;
              return (
                <th key={c.key} scope="col" className={c.numeric ? "numeric" : undefined} aria-sort={active ? sort.direction : undefined}>
                  <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, c.key))}>
                    {c.label}
                    <span className="sort-mark" aria-hidden="true">
                      {active ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((t) => {
            const selected = t.id === selectedId;
            return (
              <tr key={t.id} className={selected ? "row-selected" : undefined} data-test-id={t.id}>
                <th scope="row">
                  <button
                    type="button"
                    id={flakyRowButtonId(t.id)}
                    className="link-button test-name"
                    aria-expanded={selected}
                    aria-controls="flaky-detail"
                    onClick={() => onSelect(t.id)}
                  >
                    {testShortName(t)}
                  </button>
                  <span className="test-where">{testWhere(t)}</span>
                  {/* On a phone the row's key numbers show under the name; the cells (scrolled to) say the same to screen readers. */}
                  <span className="phone-only cell-sub" aria-hidden="true">
                    {formatHours(t.hoursLost)} · {formatUsdCents(t.costUsd)} · {STATE_TEXT[t.state].label.toLowerCase()}
                  </span>
                </th>
                <td className="numeric">{formatHours(t.hoursLost)}</td>
                <td className="numeric">{formatUsdCents(t.costUsd)}</td>
                <td className="numeric">{formatCount(t.flakyFailures)}</td>
                <td className="numeric">{formatCount(t.blockingFailures)}</td>
                <td>
                  <span className={`badge badge-state-${t.state}`} title={STATE_TEXT[t.state].meaning}>
                    {STATE_TEXT[t.state].label}
                  </span>
                </td>
                <td className="nowrap">{date(t.firstSeen)}</td>
                <td className="nowrap">{date(t.lastSeen)}</td>
                <td className="numeric">
                  {paybackText(t)}
                  {avoided?.get(t.id) ? <span className="cell-sub">saved {formatUsdCents(avoided.get(t.id)?.costUsd ?? 0)}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
