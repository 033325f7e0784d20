import type { FormEvent } from "react";
import { toWeekChoice, WEEK_CHOICES, type TrendFilters } from "./trendFilters.ts";

interface TrendFilterBarProps {
  filters: TrendFilters;
  onChange: (next: TrendFilters) => void;
}

function textField(data: FormData, key: string): string {
  const value = data.get(key);
  return typeof value === "string" ? value : "";
}

/** Period applies at once; team and service apply on submit, so typing does not fire a query per key. */
export function TrendFilterBar({ filters, onChange }: TrendFilterBarProps) {
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    onChange({ weeks: filters.weeks, team: textField(data, "team"), service: textField(data, "service") });
  }
  const narrowed = Boolean(filters.team || filters.service);

  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={apply}>
      <div className="field">
        <label htmlFor="filter-weeks">Period</label>
        <select
          id="filter-weeks"
          value={filters.weeks}
          onChange={(event) => onChange({ ...filters, weeks: toWeekChoice(event.target.value) })}
        >
          {WEEK_CHOICES.map((weeks) => (
            <option key={weeks} value={weeks}>
              Last {weeks} weeks
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-team">Team</label>
        {/* Keyed by the URL's value so back and forward navigation refill the field. */}
        <input
          id="filter-team"
          name="team"
          type="text"
          key={filters.team ?? ""}
          defaultValue={filters.team ?? ""}
          placeholder="All teams"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="field">
        <label htmlFor="filter-service">Service</label>
        <input
          id="filter-service"
          name="service"
          type="text"
          key={filters.service ?? ""}
          defaultValue={filters.service ?? ""}
          placeholder="All services"
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="filter-actions">
        <button type="submit" className="button">
          Apply
        </button>
        {narrowed ? (
          <button type="button" className="button button-quiet" onClick={() => onChange({ weeks: filters.weeks })}>
            Clear team and service
          </button>
        ) : null}
      </div>
    </form>
  );
}
