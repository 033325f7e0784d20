import type { ReactNode } from "react";
import { dateRangeLabel } from "../../format/calendar.ts";
import { costWindow, toWindowChoice, WINDOW_CHOICES, type CostFilters } from "./costFilters.ts";
import { useTeams } from "./useTeams.ts";
import { addDays } from "@keel/shared/calendar";

interface CostFilterBarProps {
  filters: CostFilters;
  onChange: (next: CostFilters) => void;
  /** The organisation's today, to name the window's dates; unknown while settings load. */
  today: string | undefined;
  /** Offer "All teams" (the organisation); without it a team must be chosen. */
  allTeams?: boolean;
  /** The team shown when none is in the URL (for views that always show one team). */
  defaultTeam?: string | undefined;
  children?: ReactNode;
}

/** Window and team: both apply at once and live in the URL. */
export function CostFilterBar({ filters, onChange, today, allTeams = true, defaultTeam, children }: CostFilterBarProps) {
  const teams = useTeams();
  const span = today ? costWindow(filters.weeks, today) : null;
  const team = filters.team ?? defaultTeam ?? "";
  // A team in the URL that the list does not know still shows, so the select tells the truth.
  const known = teams.data?.some((t) => t.slug === team) ?? true;

  return (
    <form className="filter-bar cost-filter-bar" aria-label="Filters" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="cost-window">Period</label>
        <select id="cost-window" value={filters.weeks} onChange={(event) => onChange({ ...filters, weeks: toWindowChoice(event.target.value) })}>
          {WINDOW_CHOICES.map((weeks) => (
            <option key={weeks} value={weeks}>
              {weeks} full weeks
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="cost-team">Team</label>
        <select
          id="cost-team"
          value={team}
          disabled={teams.isPending}
          onChange={(event) => onChange(event.target.value ? { ...filters, team: event.target.value } : { weeks: filters.weeks })}
        >
          {allTeams ? <option value="">All teams</option> : null}
          {!known && team ? <option value={team}>{team}</option> : null}
          {teams.data?.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      {span ? (
        <p className="filter-window" data-window-from={span.from} data-window-to={span.to}>
          {dateRangeLabel(span.from, addDays(span.to, -1))}
        </p>
      ) : null}
      {children ? <div className="filter-actions">{children}</div> : null}
    </form>
  );
}
